import { politeTextMessage } from "../../flex-messages/components.flex";
import { requestExpedite } from "../services/case-clock/expedite";
import { redeemLinkCode, setMutedByLine } from "../services/officer-line.service";
import type { BotContext } from "../webhook/bot-context";
import type { BotModule } from "../webhook/router";

// Officers in the chat (issue 24): link the dashboard account with the one-time
// code from the dashboard, mute or unmute case alerts. And the reporter's
// "ขอเร่งรัด" on a case past its deadline.
const LINK_PREFIX = /^\s*เชื่อม\s*บัญชี\s*เจ้าหน้าที่\s*/;

async function link(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  const code = (ctx.text ?? "").replace(LINK_PREFIX, "").trim();
  if (!/[A-Za-z0-9]{4}/.test(code)) {
    ctx.reply(politeTextMessage("กรุณาพิมพ์ \"เชื่อมบัญชีเจ้าหน้าที่\" ตามด้วยรหัส 8 ตัวจากหน้า \"แจ้งเตือนทาง LINE\" ในระบบเจ้าหน้าที่ เช่น เชื่อมบัญชีเจ้าหน้าที่ KQ7M-3XTA ค่ะ"));
    return;
  }
  const { displayName } = await redeemLinkCode(ctx.userId, code, ctx.now);
  ctx.reply(
    politeTextMessage(
      `เชื่อมบัญชีเจ้าหน้าที่ ${displayName} กับ LINE นี้เรียบร้อยแล้วค่ะ ท่านจะได้รับแจ้งเมื่อมีเรื่องร้องเรียนใหม่ในอำเภอที่รับผิดชอบ ` +
        "และสรุปเรื่องที่ครบกำหนดหรือเกินกำหนดทุกเช้าวันทำการ (ไม่มีรายละเอียดเรื่องหรือตัวตนผู้แจ้งในข้อความ) พิมพ์ \"ปิดแจ้งเตือนเรื่องร้องเรียน\" เพื่อหยุดรับได้ค่ะ",
    ),
  );
}

async function mute(ctx: BotContext, muted: boolean): Promise<void> {
  if (!ctx.userId) return;
  if (!(await setMutedByLine(ctx.userId, muted))) {
    ctx.reply(politeTextMessage("LINE นี้ยังไม่ได้เชื่อมกับบัญชีเจ้าหน้าที่ค่ะ ขอรหัสได้ที่หน้า \"แจ้งเตือนทาง LINE\" ในระบบเจ้าหน้าที่ค่ะ"));
    return;
  }
  ctx.reply(
    politeTextMessage(
      muted
        ? "ปิดแจ้งเตือนเรื่องร้องเรียนทาง LINE แล้วค่ะ ท่านติดตามเรื่องได้ที่คิวเรื่องร้องเรียนในระบบเจ้าหน้าที่ พิมพ์ \"เปิดแจ้งเตือนเรื่องร้องเรียน\" เพื่อรับอีกครั้งค่ะ"
        : "เปิดแจ้งเตือนเรื่องร้องเรียนทาง LINE แล้วค่ะ",
    ),
  );
}

async function expedite(ctx: BotContext): Promise<void> {
  if (!ctx.userId) return;
  const r = await requestExpedite(ctx.deps, ctx.userId, ctx.params.get("c") ?? "", ctx.now);
  const text =
    r.kind === "done"
      ? `ได้แจ้งเจ้าหน้าที่ให้เร่งรัดเรื่อง ${r.trackingCode} แล้วค่ะ ขอบคุณที่ติดตามเรื่องนะคะ`
      : r.kind === "already"
        ? `ท่านขอเร่งรัดเรื่อง ${r.trackingCode} ไปแล้วค่ะ (ขอได้หนึ่งครั้งต่อเรื่อง) เจ้าหน้าที่ระดับจังหวัดกำลังติดตามเรื่องนี้อยู่ค่ะ`
        : `เรื่อง ${r.trackingCode} ยังไม่เกินกำหนดค่ะ${r.due ? ` เจ้าหน้าที่จะตอบกลับภายใน ${r.due}` : ""} หากเกินกำหนดแล้ว ท่านกด "ขอเร่งรัด" ได้ค่ะ`;
  ctx.reply(politeTextMessage(text));
}

export const officerLineModule: BotModule = {
  name: "officer-line",
  actions: {
    "officer.link": link,
    "officer.mute": (ctx) => mute(ctx, true),
    "officer.unmute": (ctx) => mute(ctx, false),
    "deadline.expedite": expedite,
  },
  commands: [
    { pattern: /^เชื่อม ?บัญชี ?เจ้าหน้าที่/, action: "officer.link" },
    { pattern: /^(ปิด|หยุด) ?(การ)?แจ้งเตือน ?เรื่อง ?ร้องเรียน$/, action: "officer.mute" },
    { pattern: /^เปิด ?(การ)?(รับ ?)?แจ้งเตือน ?เรื่อง ?ร้องเรียน$/, action: "officer.unmute" },
  ],
};
