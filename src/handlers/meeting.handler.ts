import { politeTextMessage, postbackData } from "../../flex-messages/components.flex";
import { nextMeetingFlex } from "../../flex-messages/meeting-next.flex";
import { parseOccurrenceParam } from "../../flex-messages/meeting-reminder.flex";
import { getDistrict } from "../content/areas/areas";
import { headmanRegisterFlow, startHeadmanRegistration } from "../flows/headman-register.flow";
import { meetingOptinFlow, optedInMessage, startMeetingOptinFlow } from "../flows/meeting-optin.flow";
import { meetingReportFlow, startMeetingReport } from "../flows/meeting-report.flow";
import { setMeetingReminders } from "../services/headman.service";
import { nextMeetingFor } from "../services/meeting.service";
import { acknowledgeReminder, recurrenceOf } from "../services/reminder.service";
import { villageLabel } from "../services/village.service";
import { describeRecurrence } from "../util/recurrence";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";

// Meetings in the chat: headman registration, reminder opt-in/out, "ประชุมครั้งต่อไป",
// "รับทราบ" on a reminder, and "รายงานผล" after the meeting.
async function showNextMeeting(ctx: BotContext): Promise<void> {
  const member = await ctx.member();
  if (!member?.village) {
    ctx.reply(
      politeTextMessage("สุจริตยังไม่ทราบหมู่บ้านของท่านค่ะ เปิด \"แจ้งเตือนประชุม\" แล้วระบุหมู่บ้าน เพื่อดูวันประชุมและรับการแจ้งเตือนค่ะ", [
        { label: "แจ้งเตือนประชุม", postback: postbackData("meeting.optin") },
      ]),
    );
    return;
  }
  const tz = ctx.deps.config.timezone;
  const next = await nextMeetingFor(member, ctx.now, tz);
  if (!next) {
    ctx.reply(politeTextMessage(`ยังไม่มีกำหนดการประชุมของ ${villageLabel(member.village)} ในระบบค่ะ เจ้าหน้าที่อำเภอจะเพิ่มเมื่อมีกำหนดการค่ะ`));
    return;
  }
  const m = next.meeting;
  const areaLabel = m.scope === "district" ? `อำเภอ${getDistrict(m.districtCode)?.nameTh ?? m.districtCode}` : villageLabel(m);
  const leader = member.role === "headman" || member.role === "kamnan";
  ctx.reply(
    nextMeetingFlex({
      title: m.title,
      start: next.start,
      timeZone: tz,
      place: m.place,
      agenda: m.agenda,
      areaLabel,
      scheduleText: describeRecurrence(recurrenceOf(m)),
      offerReminders: !leader && !member.meetingReminders,
    }),
  );
}

async function optIn(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  const member = await ctx.member();
  if (!member?.village) return startMeetingOptinFlow(ctx);
  await setMeetingReminders(ctx.userId, true, ctx.now);
  ctx.reply(optedInMessage(villageLabel(member.village)));
}

async function optOut(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  await setMeetingReminders(ctx.userId, false, ctx.now);
  ctx.reply(politeTextMessage("ปิดแจ้งเตือนการประชุมแล้วค่ะ พิมพ์ \"แจ้งเตือนประชุม\" เพื่อเปิดอีกครั้งได้ทุกเมื่อค่ะ"));
}

async function acknowledge(ctx: BotContext): Promise<void> {
  const member = await ctx.member();
  const occurrence = parseOccurrenceParam(ctx.params.get("o"));
  const offset = ctx.params.get("f") ?? "";
  if (member && occurrence && ctx.userId) {
    await acknowledgeReminder({ lineUserId: ctx.userId, role: member.role, village: member.village ?? null }, occurrence, offset, ctx.now);
  }
  ctx.reply(politeTextMessage("รับทราบค่ะ ขอบคุณที่ร่วมประชุมและร่วมสร้างหมู่บ้านสุจริตค่ะ 🙏"));
}

export const meetingModule: BotModule = {
  name: "meetings",
  actions: {
    "headman.register": startHeadmanRegistration,
    "meeting.next": showNextMeeting,
    "meeting.optin": optIn,
    "meeting.optout": optOut,
    "meeting.ack": acknowledge,
    "meeting.report": startMeetingReport,
  },
  commands: [
    { pattern: /^ลงทะเบียน ?(ผู้ใหญ่บ้าน|กำนัน)/, action: "headman.register" },
    { pattern: /^(ยกเลิก|ปิด|หยุด) ?(การ)?แจ้งเตือน ?(การ)?ประชุม$/, action: "meeting.optout" },
    { pattern: /^(เปิด ?)?(รับ ?)?แจ้งเตือน ?(การ)?ประชุม$/, action: "meeting.optin" },
    { pattern: /^(ประชุมครั้ง(ต่อไป|หน้า)|ประชุมหมู่บ้านวันไหน|วันประชุม)$/, action: "meeting.next" },
    { pattern: /^รายงานผล ?(การ)?ประชุม$/, action: "meeting.report" },
  ],
  flows: [headmanRegisterFlow, meetingReportFlow, meetingOptinFlow],
};

