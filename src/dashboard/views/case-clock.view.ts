import type { CaseClock } from "../../services/case-clock/compute-clock";
import { formatThaiDate } from "../../util/thai-date";
import { startOfDay } from "../../util/working-days";
import { html, type SafeHtml } from "./html";

// The clock of a case in words, for the queue and the case page.
export interface ClockLike {
  stage: string;
  dueDay: string | null;
  overdue: boolean;
  dueToday: boolean;
  workingDaysLeft: number | null;
}

export function dueDate(day: string | null, tz: string): string {
  return day ? formatThaiDate(startOfDay(day, tz), tz) : "-";
}

export function clockText(c: ClockLike): string {
  if (c.stage === "closed") return "ปิดเรื่องแล้ว";
  if (c.stage === "paused") return "หยุดนับเวลา รอผู้แจ้งตอบ";
  if (c.overdue) return c.workingDaysLeft && c.workingDaysLeft < 0 ? `เกินกำหนด ${-c.workingDaysLeft} วันทำการ` : "เกินกำหนด";
  if (c.dueToday) return "ครบกำหนดวันนี้";
  return `เหลือ ${c.workingDaysLeft ?? 0} วันทำการ`;
}

export function clockBadge(c: ClockLike): SafeHtml {
  const cls = c.overdue ? "clock overdue" : c.dueToday ? "clock today" : c.stage === "paused" ? "clock paused" : "clock";
  return html`<span class="badge ${cls}">${c.overdue ? "เกินกำหนด" : clockText(c)}</span>`;
}

/** The panel on the case page: what the deadline is for, when it falls, and the pause. */
export function caseClockPanel(c: CaseClock, tz: string, escalated: boolean): SafeHtml {
  const what = c.stage === "first_response" ? "ตอบรับเรื่องครั้งแรก" : "แจ้งผลหรือความคืบหน้าแก่ผู้แจ้ง";
  if (!c.open) return html`<section class="card clock-panel" aria-labelledby="clock-h"><h2 id="clock-h">กำหนดเวลา</h2><p>ปิดเรื่องแล้ว ไม่มีกำหนดเวลาค่ะ</p></section>`;
  const body =
    c.stage === "paused"
      ? html`<p>${clockBadge(c)} ตั้งแต่ ${formatThaiDate(c.pausedSince!, tz)}: เรื่องนี้รอผู้แจ้งตอบคำถามของเจ้าหน้าที่ เวลาจะนับต่อเมื่อผู้แจ้งตอบ โดยเหลือ ${c.daysLeftWhenResumed ?? 0} วันทำการ</p>`
      : html`<p>${clockBadge(c)} ${what} ภายใน <strong>${dueDate(c.dueDay, tz)}</strong> (${clockText(c)})</p>`;
  return html`<section class="card clock-panel" aria-labelledby="clock-h"><h2 id="clock-h">กำหนดเวลา</h2>${body}
${escalated ? html`<p><span class="badge clock overdue">ส่งถึงจังหวัดแล้ว</span> เรื่องนี้เคยเกินกำหนดและแสดงในคิวของผู้ดูแลระดับจังหวัด</p>` : ""}
<p class="muted">นับเป็นวันทำการ (ไม่นับเสาร์ อาทิตย์ และวันหยุดราชการที่นำเข้าไว้) ${c.firstResponseAt ? html`ตอบรับครั้งแรกเมื่อ ${formatThaiDate(c.firstResponseAt, tz)}` : html`กำหนดตอบรับครั้งแรก ${dueDate(c.firstResponseDueDay, tz)}`}</p></section>`;
}
