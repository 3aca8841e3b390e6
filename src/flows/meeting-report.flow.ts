import { politeTextMessage, postbackData } from "../../flex-messages/components.flex";
import { meetingPhotosPrompt } from "../../flex-messages/meeting-photos.flex";
import { parseOccurrenceParam } from "../../flex-messages/meeting-reminder.flex";
import { findReportableMeetings, parseCount, recordMeetingReport, type ReportableMeeting } from "../services/meeting-report.service";
import { formatThaiDate } from "../util/thai-date";
import { MAX_REPORT_PHOTOS } from "../services/meeting-photo.service";
import type { BotContext } from "../webhook/bot-context";
import type { FlowDefinition } from "./flow-engine";
import { MEETING_REPORT_FLOW, MEETING_REPORT_TTL_MS as TTL_MS, MEETING_REPORT_VERSION as VERSION, PHOTOS_STEP, askPhotosStep, startPhotoStep } from "./meeting-photos.steps";

// "รายงานผล" after a meeting: (which village, for a kamnan) → how many attended → how
// many declared the pledge → MeetingReport (idempotent by meeting, occurrence and
// village) → up to 5 photos of the activity (meeting-photos.steps.ts).
export { MEETING_REPORT_FLOW };
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
      const report = await recordMeetingReport({
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
      const photos = report.photos?.length ?? 0;
      const ask = startPhotoStep(ctx, String(report._id), data.choice.label, photos);
      ctx.reply(meetingPhotosPrompt(`บันทึกผลการประชุม ${data.choice.label} แล้วค่ะ: ผู้เข้าประชุม ${data.attended} คน ร่วมประกาศเจตนารมณ์ ${n} คน\n${ask}`, photos, MAX_REPORT_PHOTOS));
      return "handled";
    },
    [PHOTOS_STEP]: askPhotosStep,
  },
  // At the photo step the counts are already saved: say so rather than "cancelled".
  onExpired(ctx, ended) {
    if (ended.step === PHOTOS_STEP) return void ctx.reply(politeTextMessage("หมดเวลาส่งรูปแล้วค่ะ ผลการประชุมบันทึกไว้แล้ว หากต้องการส่งรูปเพิ่ม กดปุ่ม \"รายงานผล\" อีกครั้งได้เลยค่ะ"));
    ctx.reply(politeTextMessage("หมดเวลารายงานผลแล้วค่ะ กดปุ่ม \"รายงานผล\" อีกครั้งเพื่อเริ่มใหม่ได้เลยค่ะ"));
  },
  onCancel(ctx, ended) {
    if (ended.step === PHOTOS_STEP) return void ctx.reply(politeTextMessage("หยุดรับรูปแล้วค่ะ ผลการประชุมและรูปที่ส่งมาบันทึกไว้แล้ว ขอบคุณที่ร่วมสร้างชุมชนสุจริตค่ะ 🙏"));
    ctx.reply(politeTextMessage("ยกเลิกการรายงานผลแล้วค่ะ"));
  },
};
