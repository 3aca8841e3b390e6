import { politeTextMessage } from "../../flex-messages/components.flex";
import { setAnnouncementsMuted } from "../services/announcement-prefs.service";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";

// Residents keep control of officer announcements (issue 22): "ปิดการแจ้งข่าว" stops
// them, "เปิดการแจ้งข่าว" brings them back. Meeting reminders are not touched. The
// privacy card offers both as buttons (a=announce.mute / a=announce.unmute).
const MENU = { label: "เมนู", text: "เมนู" };

async function mute(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  await setAnnouncementsMuted(ctx.userId, true, ctx.now);
  ctx.reply(
    politeTextMessage("ปิดการแจ้งข่าวแล้วค่ะ ท่านจะไม่ได้รับประกาศจากอำเภอและจังหวัดอีก แต่ยังได้รับแจ้งเตือนการประชุมหมู่บ้านตามเดิม หากต้องการรับข่าวอีกครั้ง พิมพ์ \"เปิดการแจ้งข่าว\" ได้ทุกเมื่อนะคะ", [
      { label: "เปิดการแจ้งข่าว", text: "เปิดการแจ้งข่าว" },
      MENU,
    ]),
  );
}

async function unmute(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  await setAnnouncementsMuted(ctx.userId, false, ctx.now);
  ctx.reply(
    politeTextMessage("เปิดการแจ้งข่าวแล้วค่ะ ท่านจะได้รับประกาศจากอำเภอและจังหวัดขอนแก่นทาง LINE หากไม่ต้องการ พิมพ์ \"ปิดการแจ้งข่าว\" ได้ทุกเมื่อนะคะ", [
      { label: "ปิดการแจ้งข่าว", text: "ปิดการแจ้งข่าว" },
      MENU,
    ]),
  );
}

export const announcementModule: BotModule = {
  name: "announcement",
  actions: { "announce.mute": mute, "announce.unmute": unmute },
  commands: [
    { pattern: /^(?:ขอ ?)?ปิด ?(?:การ)?แจ้ง ?ข่าว(?: ?(?:ค่ะ|คะ|ครับ))?$/, action: "announce.mute" },
    { pattern: /^(?:ขอ ?)?เปิด ?(?:การ)?แจ้ง ?ข่าว(?: ?(?:ค่ะ|คะ|ครับ))?$/, action: "announce.unmute" },
  ],
};
