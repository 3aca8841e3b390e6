import { politeTextMessage, postbackData } from "../../flex-messages/components.flex";
import { getDistrict, listTambons } from "../content/areas/areas";
import { setMeetingReminders } from "../services/headman.service";
import { villageLabel } from "../services/village.service";
import { matchDistrict, matchTambon } from "../util/area-match";
import { parseVillageNumber } from "../util/thai-text";
import type { BotContext } from "../webhook/bot-context";
import type { FlowDefinition } from "./flow-engine";

// "แจ้งเตือนประชุม" for a member whose village is not known yet (the pledge flow sets it
// too): district → tambon → village number, then reminders are on.
export const MEETING_OPTIN_FLOW = "meeting-optin";
const VERSION = 1;
const TTL_MS = 15 * 60_000;
const MAX_QUICK = 13;

export function optedInMessage(label: string) {
  return politeTextMessage(
    `เปิดแจ้งเตือนการประชุมของ ${label} แล้วค่ะ สุจริตจะแจ้งก่อนวันประชุมหมู่บ้าน พิมพ์ "ยกเลิกแจ้งเตือนประชุม" เพื่อปิดได้ทุกเมื่อค่ะ`,
    [{ label: "ประชุมครั้งต่อไป", postback: postbackData("meeting.next") }],
  );
}

export function startMeetingOptinFlow(ctx: BotContext): void {
  ctx.goto(MEETING_OPTIN_FLOW, "askDistrict", {}, VERSION, TTL_MS);
  ctx.reply(politeTextMessage("ท่านอยู่อำเภอใดของจังหวัดขอนแก่นคะ พิมพ์ชื่ออำเภอได้เลย เช่น เมืองขอนแก่น หรือ ชุมแพ"));
}

function askTambon(ctx: BotContext, districtCode: string): void {
  const district = getDistrict(districtCode)!;
  ctx.goto(MEETING_OPTIN_FLOW, "askTambon", { districtCode }, VERSION, TTL_MS);
  const tambons = listTambons(districtCode);
  const quick = tambons.length <= MAX_QUICK ? tambons.map((t) => ({ label: t.nameTh, text: t.nameTh })) : undefined;
  ctx.reply(politeTextMessage(`อำเภอ${district.nameTh} ตำบลอะไรคะ`, quick));
}

export const meetingOptinFlow: FlowDefinition = {
  id: MEETING_OPTIN_FLOW,
  version: VERSION,
  ttlMs: TTL_MS,
  steps: {
    async askDistrict(ctx) {
      if (ctx.text === undefined) return "pass";
      const m = matchDistrict(ctx.text);
      if (m && "district" in m) {
        askTambon(ctx, m.district.code);
      } else if (m && "candidates" in m) {
        ctx.reply(politeTextMessage("หมายถึงอำเภอใดคะ", m.candidates.slice(0, MAX_QUICK).map((d) => ({ label: d.nameTh, text: d.nameTh }))));
      } else {
        ctx.reply(politeTextMessage("ไม่พบชื่ออำเภอนี้ในจังหวัดขอนแก่นค่ะ กรุณาพิมพ์ใหม่ เช่น เมืองขอนแก่น บ้านไผ่ หรือ น้ำพอง"));
      }
      return "handled";
    },
    async askTambon(ctx) {
      if (ctx.text === undefined) return "pass";
      const districtCode = String(ctx.flow!.data.districtCode);
      const m = matchTambon(districtCode, ctx.text);
      if (m && "tambon" in m) {
        ctx.goto(MEETING_OPTIN_FLOW, "askVillage", { districtCode, tambonCode: m.tambon.code }, VERSION, TTL_MS);
        ctx.reply(politeTextMessage(`ตำบล${m.tambon.nameTh} หมู่ที่เท่าไรคะ (พิมพ์ตัวเลข เช่น 5)`));
      } else if (m && "candidates" in m) {
        ctx.reply(politeTextMessage("หมายถึงตำบลใดคะ", m.candidates.slice(0, MAX_QUICK).map((t) => ({ label: t.nameTh, text: t.nameTh }))));
      } else {
        ctx.reply(politeTextMessage("ไม่พบชื่อตำบลนี้ในอำเภอที่เลือกค่ะ กรุณาพิมพ์ใหม่อีกครั้ง"));
      }
      return "handled";
    },
    async askVillage(ctx) {
      if (ctx.text === undefined) return "pass";
      const villageNo = parseVillageNumber(ctx.text);
      if (villageNo === null) {
        ctx.reply(politeTextMessage("กรุณาพิมพ์หมู่ที่เป็นตัวเลข เช่น 5 ค่ะ"));
        return "handled";
      }
      const village = { districtCode: String(ctx.flow!.data.districtCode), tambonCode: String(ctx.flow!.data.tambonCode), villageNo };
      await setMeetingReminders(ctx.userId!, true, ctx.now, village);
      ctx.endFlow();
      ctx.reply(optedInMessage(villageLabel(village)));
      return "handled";
    },
  },
  onExpired(ctx) {
    ctx.reply(politeTextMessage("หมดเวลาแล้วค่ะ พิมพ์ \"แจ้งเตือนประชุม\" เพื่อเริ่มใหม่ได้เลยค่ะ"));
  },
  onCancel(ctx) {
    ctx.reply(politeTextMessage("ยกเลิกแล้วค่ะ ยังไม่ได้เปิดแจ้งเตือนการประชุม"));
  },
};
