import { REFERRAL_TARGETS } from "../../models/complaint.model";
import { REFERRAL_LABELS, STATUS_LABELS, referralText } from "../../services/complaint-labels";
import type { ComplaintView, ReporterIdentity } from "../../services/complaint-query.service";
import { STATUS_TRANSITIONS } from "../../services/complaint-query.service";
import type { Principal } from "../auth/principal";
import { dateTime, districtName, optionList } from "./components.view";
import { html, safeHref, type SafeHtml } from "./html";
import { csrfField, layoutView, type Flash } from "./layout.view";

// One complaint: the report, evidence, location, timeline, the thread with the
// reporter, staff-only notes, and the forms that act on it. All text is escaped.
export interface ComplaintDetailViewData {
  principal: Principal;
  csrfToken: string;
  complaint: ComplaintView;
  /** Officer id → display name, for the timeline. */
  names: Map<string, string>;
  /** Shown only right after an audited reveal. */
  identity?: ReporterIdentity;
  timezone: string;
  flash?: Flash;
  /** The case clock panel (views/case-clock.view.ts). */
  clock?: SafeHtml;
}

/** An officer's question counts as answered once the reporter wrote after it. */
function answered(thread: readonly { from: string }[], index: number): boolean {
  return thread.slice(index + 1).some((m) => m.from === "reporter");
}

export function osmLink(lat: number, lon: number): string {
  return safeHref(`https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lon.toFixed(6)}#map=17/${lat.toFixed(6)}/${lon.toFixed(6)}`);
}

function actorName(a: { kind: string; id?: string }, names: Map<string, string>): string {
  if (a.kind === "officer") return (a.id && names.get(a.id)) || "เจ้าหน้าที่";
  return a.kind === "reporter" ? "ผู้แจ้ง" : "ระบบ";
}

function reporterSection(d: ComplaintDetailViewData): SafeHtml {
  const c = d.complaint;
  if (c.anonymous) return html`<p><span class="badge">ไม่เปิดเผยตัวตน</span> ผู้แจ้งเลือกไม่เปิดเผยตัวตน ระบบจึงไม่มีข้อมูลผู้แจ้งให้แสดงค่ะ</p>`;
  if (d.identity) return html`<dl class="facts"><dt>ชื่อผู้แจ้ง</dt><dd>${d.identity.name}</dd><dt>โทรศัพท์</dt><dd>${d.identity.phone}</dd></dl><p class="muted">การเปิดดูครั้งนี้ถูกบันทึกไว้ในบันทึกการตรวจสอบแล้วค่ะ</p>`;
  if (!c.identityAvailable) return html`<p>ผู้แจ้งเปิดเผยตัวตน แต่บทบาทของท่านไม่มีสิทธิ์ดูข้อมูลติดต่อค่ะ</p>`;
  return html`<form method="post" action="/officer/complaints/${c.id}/identity">${csrfField(d.csrfToken)}
<p>ผู้แจ้งเปิดเผยตัวตน ข้อมูลติดต่อจะแสดงเมื่อกดปุ่ม และทุกครั้งที่เปิดดูจะถูกบันทึกไว้ค่ะ</p><button type="submit" class="secondary">แสดงข้อมูลผู้แจ้ง</button></form>`;
}

function statusForm(d: ComplaintDetailViewData): SafeHtml {
  const c = d.complaint;
  const next = STATUS_TRANSITIONS[c.status];
  return html`<form class="stack" method="post" action="/officer/complaints/${c.id}/status">${csrfField(d.csrfToken)}
<input type="hidden" name="expectedStatus" value="${c.status}">
<label for="to">เปลี่ยนสถานะเป็น</label><select id="to" name="to" required>${optionList(next.map((s) => ({ value: s, label: STATUS_LABELS[s] })), undefined)}</select>
<label for="referredTo">ส่งต่อไปยัง (เมื่อเลือก "ส่งต่อหน่วยงาน")</label><select id="referredTo" name="referredTo"><option value="">-</option>${optionList(REFERRAL_TARGETS.map((t) => ({ value: t, label: REFERRAL_LABELS[t] })), undefined)}</select>
<label for="referredAgency">ชื่อหน่วยงาน (เมื่อส่งต่อหน่วยงานอื่น)</label><input id="referredAgency" name="referredAgency" type="text" maxlength="200">
<label for="note">บันทึกถึงผู้แจ้ง (จำเป็น ผู้แจ้งจะได้รับข้อความนี้ทาง LINE)</label><textarea id="note" name="note" required maxlength="2000"></textarea>
<div><button type="submit">เปลี่ยนสถานะและแจ้งผู้แจ้ง</button></div></form>`;
}

export function complaintDetailView(d: ComplaintDetailViewData): SafeHtml {
  const c = d.complaint;
  const tz = d.timezone;
  const loc = c.where.location;
  return layoutView({
    title: `เรื่อง ${c.trackingCode}`,
    principal: d.principal,
    csrfToken: d.csrfToken,
    active: "complaints",
    flash: d.flash,
    body: html`<p><a href="/officer/complaints">‹ กลับไปรายการเรื่อง</a></p>
<section class="card" aria-labelledby="report-h"><h2 id="report-h">รายละเอียดเรื่อง</h2><dl class="facts">
<dt>สถานะ</dt><dd><span class="badge ${c.status}">${c.statusLabel}</span>${c.status === "referred" ? ` ${referralText(c.referredTo, c.referredAgency)}` : ""}</dd>
<dt>ประเภท</dt><dd>${c.categoryLabel}</dd>
<dt>วันที่แจ้ง</dt><dd>${dateTime(c.submittedAt, tz)}</dd>
<dt>ผู้รับผิดชอบ</dt><dd>${c.routedTo.level === "province" ? "ระดับจังหวัด" : `เจ้าหน้าที่ ${districtName(c.routedTo.districtCode)}`}${c.routedTo.reason ? html`<br><span class="muted">${c.routedTo.reason}</span>` : ""}</dd>
<dt>เกิดเหตุเมื่อ</dt><dd>${c.whenText}</dd>
<dt>สถานที่</dt><dd>${c.areaText || "-"}${loc ? html`<br>พิกัด <span class="mono">${loc.latitude.toFixed(6)}, ${loc.longitude.toFixed(6)}</span>${loc.title ? ` · ${loc.title}` : ""}${loc.address ? ` · ${loc.address}` : ""}<br><a href="${osmLink(loc.latitude, loc.longitude)}" rel="noopener noreferrer" target="_blank">ดูบนแผนที่ OpenStreetMap</a>` : ""}</dd>
<dt>ผู้ถูกกล่าวหา</dt><dd class="prewrap">${c.who ?? "-"}</dd>
<dt>เรื่องที่แจ้ง</dt><dd class="prewrap">${c.what}</dd>
</dl></section>
${d.clock ?? ""}
${c.evidence.length ? html`<section class="card" aria-labelledby="ev-h"><h2 id="ev-h">หลักฐาน (${c.evidence.length} รูป)</h2><div class="photos">${c.evidence.map(
      (e, i) => html`<a href="/officer/complaints/${c.id}/evidence/${e.fileId}"><img src="/officer/complaints/${c.id}/evidence/${e.fileId}" alt="หลักฐานรูปที่ ${i + 1}" loading="lazy"></a>`,
    )}</div></section>` : ""}
<section class="card" aria-labelledby="rep-h"><h2 id="rep-h">ผู้แจ้ง</h2>${reporterSection(d)}</section>
<section class="card" aria-labelledby="act-h"><h2 id="act-h">ดำเนินการ</h2>${statusForm(d)}</section>
<section class="card" aria-labelledby="tl-h"><h2 id="tl-h">ลำดับเหตุการณ์</h2><ol class="timeline">${c.statusHistory.map(
      (s) => html`<li><strong>${s.statusLabel}</strong>${s.referredTo ? ` (${referralText(s.referredTo, s.referredAgency)})` : ""} · ${dateTime(s.at, tz)} · ${actorName(s.actor, d.names)}${s.note && s.note !== s.statusLabel ? html`<div class="prewrap">${s.note}</div>` : ""}</li>`,
    )}</ol></section>
<section class="card thread" aria-labelledby="th-h"><h2 id="th-h">ข้อความกับผู้แจ้ง</h2>
${c.thread.length === 0 ? html`<p>ยังไม่มีข้อความค่ะ</p>` : ""}
${c.thread.map((m, i) => html`<div class="msg ${m.from}"><div class="muted">${m.from === "officer" ? actorName(m.actor ?? { kind: "officer" }, d.names) : "ผู้แจ้ง"} · ${dateTime(m.at, tz)}${m.expectsReply ? (answered(c.thread, i) ? " · ผู้แจ้งตอบแล้ว" : " · รอคำตอบ") : ""}</div><div class="prewrap">${m.text}</div></div>`)}
${c.reporterReachable
  ? html`<form class="stack" method="post" action="/officer/complaints/${c.id}/messages">${csrfField(d.csrfToken)}
<label for="message">ส่งข้อความถึงผู้แจ้งทาง LINE (ผู้แจ้งไม่เห็นชื่อของท่าน)</label><textarea id="message" name="text" required maxlength="2000"></textarea>
<label><input type="checkbox" name="expectsReply" checked> ขอให้ผู้แจ้งตอบกลับ</label>
<div><button type="submit">ส่งข้อความ</button></div></form>`
  : html`<p class="muted">ติดต่อผู้แจ้งทาง LINE ไม่ได้แล้ว (ผู้แจ้งขอลบข้อมูล)</p>`}</section>
<section class="card thread" aria-labelledby="nt-h"><h2 id="nt-h">หมายเหตุภายใน (เฉพาะเจ้าหน้าที่)</h2>
${c.internalNotes.map((n) => html`<div class="msg internal"><div class="muted">${actorName(n.actor, d.names)} · ${dateTime(n.at, tz)}</div><div class="prewrap">${n.text}</div></div>`)}
<form class="stack" method="post" action="/officer/complaints/${c.id}/notes">${csrfField(d.csrfToken)}
<label for="note-text">เพิ่มหมายเหตุภายใน</label><textarea id="note-text" name="text" required maxlength="2000"></textarea>
<div><button type="submit" class="secondary">บันทึกหมายเหตุ</button></div></form></section>`,
  });
}
