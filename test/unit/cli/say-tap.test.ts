import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { tapEvent, TapError } from "../../../src/cli/say-tap";
import type { SimEntry } from "../../../src/dev/line-emulator/sim-transcript";

// `say --tap "<label>"` sends what tapping that button sends, from the newest bot message that has it.
const bot = (seq: number, message: unknown): SimEntry => ({ seq, at: 0, userId: "U1", from: "bot", via: "reply", message });
const entries: SimEntry[] = [
  bot(1, { type: "flex", altText: "x", contents: { type: "bubble", footer: { type: "box", layout: "vertical", contents: [{ type: "button", action: { type: "postback", label: "ยืนยันส่งเรื่อง", data: "a=complaint.confirm&d=old" } }] } } }),
  { seq: 2, at: 0, userId: "U1", from: "user", event: { type: "text", text: "แก้ไข" } },
  bot(3, {
    type: "flex",
    altText: "y",
    contents: { type: "bubble", body: { type: "box", layout: "vertical", contents: [{ type: "button", action: { type: "postback", label: "ยืนยันส่งเรื่อง", data: "a=complaint.confirm&d=new", displayText: "ยืนยัน" } }] } },
    quickReply: { items: [{ type: "action", action: { type: "message", label: "เมนู", text: "เมนู" } }, { type: "action", action: { type: "datetimepicker", label: "📅 เลือกวันที่", data: "a=complaint.when", mode: "date" } }] },
  }),
];

describe("say --tap", () => {
  test("the newest message's button wins; postback, message and date picker taps become the events LINE sends", () => {
    assert.deepEqual(tapEvent(entries, "ยืนยันส่งเรื่อง"), { type: "postback", data: "a=complaint.confirm&d=new", displayText: "ยืนยัน" });
    assert.deepEqual(tapEvent(entries, " เมนู "), { type: "text", text: "เมนู" });
    assert.deepEqual(tapEvent(entries, "📅 เลือกวันที่", { date: "2026-12-01" }), { type: "postback", data: "a=complaint.when", params: { date: "2026-12-01" } });
  });

  test("a picker without --param, or a label not on screen, is a clear error naming what is there", () => {
    assert.throws(() => tapEvent(entries, "📅 เลือกวันที่"), /--param date=/);
    assert.throws(() => tapEvent(entries, "ไม่มีปุ่มนี้"), (err: Error) => err instanceof TapError && /"เมนู"/.test(err.message));
  });
});
