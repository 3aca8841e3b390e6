import { politeTextMessage, postbackData } from "../../flex-messages/components.flex";
import { parseOccurrenceParam } from "../../flex-messages/meeting-reminder.flex";
import { findReportableMeetings, parseCount, recordMeetingReport, type ReportableMeeting } from "../services/meeting-report.service";
import { formatThaiDate } from "../util/thai-date";
import type { BotContext } from "../webhook/bot-context";
import type { FlowDefinition } from "./flow-engine";

// "รายงานผล" after a meeting: (which village, for a kamnan) → how many attended → how
// many declared the pledge → MeetingReport. Only the last step writes, idempotently.
export const MEETING_REPORT_FLOW = "meeting-report";
const VERSION = 1;
const TTL_MS = 30 * 60_000;
const MAX_CHOICES = 12;

interface Choice {
  meetingId: string;
  start: string;
  tambonCode: string;
  villageNo: number;
  label: string;
}

function choiceOf(r: ReportableMeeting): Choice {
  return { meetingId: String(r.meeting._id), start: r.start.toISOString(), tambonCode: r.tambonCode, villageNo: r.villageNo, label: r.label };
}

function askAttended(ctx: BotContext, c: Choice): void {
  ctx.goto(MEETING_REPORT_FLOW, "askAttended", { choice: c }, VERSION, TTL_MS);
  const date = formatThaiDate(new Date(c.start), ctx.deps.config.timezone);
  ctx.reply(politeTextMessage(`รายงานผลการประชุม ${c.label} วันที่ ${date}\nมีผู้เข้าประชุมกี่คนคะ (พิมพ์ตัวเลข เช่น 45)`));
}

/** Action "meeting.report" (button in the reminder, or typed "รายงานผลประชุม"). */
export async function startMeetingReport(ctx: BotContext): Promise<void> {
  const member = await ctx.member();
  const occurrence = parseOccurrenceParam(ctx.params.get("o")) ?? undefined;
  const found = await findReportableMeetings(
    { lineUserId: ctx.userId ?? "", role: member?.role, village: member?.village ?? null },
    ctx.now,
    ctx.deps.config.timezone,
    occurrence,
  );
  if (found.length === 0) {
    ctx.reply(politeTextMessage("ยังไม่มีการประชุมที่รายงานผลได้ค่ะ รายงานได้ตั้งแต่เวลาเริ่มประชุมจนถึง 14 วันหลังประชุมค่ะ"));
    return;
  }
  if (found.length === 1 || (occurrence && found.every((f) => f.tambonCode === found[0]!.tambonCode && f.villageNo === found[0]!.villageNo))) {
    askAttended(ctx, choiceOf(found[0]!));
    return;
  }
  const choices = found.slice(0, MAX_CHOICES).map(choiceOf);
  ctx.goto(MEETING_REPORT_FLOW, "chooseMeeting", { choices }, VERSION, TTL_MS);
  const tz = ctx.deps.config.timezone;
  ctx.reply(
    politeTextMessage(
      "ต้องการรายงานผลการประชุมใดคะ",
      choices.map((c, i) => ({ label: `หมู่ ${c.villageNo} ${formatThaiDate(new Date(c.start), tz).replace(/ \d{4}$/, "")}`, postback: postbackData("meeting.reportPick", { i: String(i) }), displayText: `${c.label}` })),
    ),
  );
}

export const meetingReportFlow: FlowDefinition = {
  id: MEETING_REPORT_FLOW,
  version: VERSION,
  ttlMs: TTL_MS,
  steps: {
    async chooseMeeting(ctx) {
      if (ctx.postback?.action !== "meeting.reportPick") return "pass";
      const choices = (ctx.flow!.data.choices ?? []) as Choice[];
      const c = choices[Number(ctx.postback.params.get("i"))];
      if (!c) return "pass";
      askAttended(ctx, c);
      return "handled";
    },
    async askAttended(ctx) {
      if (ctx.text === undefined) return "pass";
      const n = parseCount(ctx.text);
      if (n === null) {
        ctx.reply(politeTextMessage("กรุณาพิมพ์จำนวนผู้เข้าประชุมเป็นตัวเลข เช่น 45 ค่ะ"));
        return "handled";
      }
      ctx.goto(MEETING_REPORT_FLOW, "askPledged", { ...ctx.flow!.data, attended: n }, VERSION, TTL_MS);
      ctx.reply(politeTextMessage(`ผู้เข้าประชุม ${n} คน\nมีผู้ร่วมประกาศเจตนารมณ์ "ไม่รับ ไม่ให้" กี่คนคะ`));
      return "handled";
    },
    async askPledged(ctx) {
      if (ctx.text === undefined) return "pass";
      const n = parseCount(ctx.text);
      const data = ctx.flow!.data as { choice: Choice; attended: number };
      if (n === null || n > data.attended) {
        ctx.reply(politeTextMessage(`กรุณาพิมพ์จำนวนเป็นตัวเลข ไม่เกินจำนวนผู้เข้าประชุม (${data.attended} คน) ค่ะ`));
        return "handled";
      }
      const member = await ctx.member();
      await recordMeetingReport({
        meetingId: data.choice.meetingId,
        occurrenceStart: new Date(data.choice.start),
        tambonCode: data.choice.tambonCode,
        villageNo: data.choice.villageNo,
        attendedCount: data.attended,
        pledgedCount: n,
        reportedBy: ctx.userId!,
        reporterRole: member?.role === "kamnan" ? "kamnan" : "headman",
        now: ctx.now,
        timeZone: ctx.deps.config.timezone,
      });
      ctx.endFlow();
      ctx.reply(politeTextMessage(`บันทึกผลการประชุม ${data.choice.label} แล้วค่ะ: ผู้เข้าประชุม ${data.attended} คน ร่วมประกาศเจตนารมณ์ ${n} คน ขอบคุณที่ร่วมสร้างชุมชนสุจริตค่ะ 🙏`));
      return "handled";
    },
  },
  onExpired(ctx) {
    ctx.reply(politeTextMessage("หมดเวลารายงานผลแล้วค่ะ กดปุ่ม \"รายงานผล\" อีกครั้งเพื่อเริ่มใหม่ได้เลยค่ะ"));
  },
  onCancel(ctx) {
    ctx.reply(politeTextMessage("ยกเลิกการรายงานผลแล้วค่ะ"));
  },
};
