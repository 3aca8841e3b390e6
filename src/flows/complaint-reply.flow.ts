import { politeTextMessage, postbackData } from "../../flex-messages";
import { MAX_THREAD_TEXT_CHARS } from "../services/complaint-input";
import { addReporterMessage, findOwnComplaintByCode } from "../services/complaint.service";
import { parseTrackingCode } from "../services/tracking-code";
import type { BotContext } from "../webhook/bot-context";
import { isTopicQuestion } from "./complaint-interrupt";
import type { FlowDefinition, StepResult } from "./flow-engine";

// A reporter's answer to an officer: a one-message flow started only by the
// "ตอบกลับ" / "ส่งข้อมูลเพิ่มเติม" button (a=complaint.reply&c=<code>). An open
// officer question therefore never captures unrelated chat: the next text joins
// the case thread only after the reporter chose to answer.
export const COMPLAINT_REPLY_FLOW_ID = "complaint-reply";
const VERSION = 1;
const TTL_MS = 30 * 60 * 1000;

interface ReplyData {
  complaintId: string;
  code: string;
}

const NOT_YOURS = "ไม่พบเรื่องนี้ในรายการเรื่องที่ท่านแจ้งค่ะ ตอบกลับได้เฉพาะเรื่องที่แจ้งจากบัญชี LINE นี้ พิมพ์ \"ติดตามเรื่อง\" เพื่อดูรายการค่ะ";

/** complaint.reply: checks the case is the asker's and open, then waits for one message. */
export async function startReply(ctx: BotContext): Promise<void> {
  const code = parseTrackingCode(ctx.params.get("c") ?? "");
  const c = code && ctx.userId ? await findOwnComplaintByCode(ctx.deps, ctx.userId, code) : null;
  if (!c) return void ctx.reply(politeTextMessage(NOT_YOURS));
  if (c.status === "resolved" || c.status === "dismissed") {
    return void ctx.reply(politeTextMessage("เรื่องนี้ปิดแล้วค่ะ หากมีข้อมูลใหม่ กรุณาแจ้งเป็นเรื่องใหม่ หรือโทรสายด่วน ป.ป.ช. 1205 ค่ะ"));
  }
  const data: ReplyData = { complaintId: String(c._id), code: c.trackingCode };
  ctx.goto(COMPLAINT_REPLY_FLOW_ID, "text", { ...data }, VERSION, TTL_MS);
  ctx.reply(
    politeTextMessage(
      `พิมพ์ข้อความถึงเจ้าหน้าที่ได้เลยค่ะ (เรื่อง ${c.trackingCode}) ส่งได้ 1 ข้อความ ไม่เกิน ${MAX_THREAD_TEXT_CHARS.toLocaleString("en-US")} ตัวอักษร ` +
        "ถ้าไม่ต้องการตอบ พิมพ์ \"ยกเลิก\" ค่ะ",
      [{ label: "ยกเลิก", text: "ยกเลิก" }],
    ),
  );
}

async function replyText(ctx: BotContext): Promise<StepResult | void> {
  const data = ctx.flow!.data as unknown as ReplyData;
  const action = ctx.postback?.action;
  if (action === "complaint.reply") return startReply(ctx);
  if (action) return "pass";
  if (ctx.text === undefined) {
    return void ctx.reply(politeTextMessage("ตอบกลับได้เฉพาะข้อความค่ะ กรุณาพิมพ์คำตอบ หรือพิมพ์ \"ยกเลิก\" ค่ะ"));
  }
  if (isTopicQuestion(ctx.text, { commandsOnly: true })) return "pass";
  await addReporterMessage(ctx.deps, ctx.userId!, data.complaintId, ctx.text);
  ctx.endFlow();
  ctx.reply(
    politeTextMessage(`ส่งข้อความถึงเจ้าหน้าที่แล้วค่ะ (เรื่อง ${data.code}) เมื่อมีความคืบหน้า สุจริตจะแจ้งท่านทาง LINE นี้ค่ะ`, [
      { label: "ดูความคืบหน้า", postback: postbackData("complaint.track", { c: data.code }), displayText: "ติดตามเรื่องนี้" },
    ]),
  );
}

export const complaintReplyFlow: FlowDefinition = {
  id: COMPLAINT_REPLY_FLOW_ID,
  version: VERSION,
  ttlMs: TTL_MS,
  steps: { text: replyText },
  onExpired(ctx) {
    ctx.reply(politeTextMessage("การตอบกลับเจ้าหน้าที่หมดเวลาแล้วค่ะ หากต้องการตอบ แตะปุ่ม \"ตอบกลับ\" ในข้อความของเจ้าหน้าที่อีกครั้งนะคะ"));
  },
  onCancel(ctx) {
    ctx.reply(politeTextMessage("ยกเลิกการตอบกลับแล้วค่ะ"));
  },
};
