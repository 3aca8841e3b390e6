import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatReplies, parseSayArgs } from "../../../src/cli/say.command";
import type { SimEntry } from "../../../src/dev/line-emulator/sim-transcript";

// Protects the `say` command line: what each flag sends, and how replies print.
describe("say: arguments", () => {
  test("words become one text message from the resident by default", () => {
    const o = parseSayArgs(["ไม่รับ", "ไม่ให้"]);
    assert.deepEqual(o.event, { type: "text", text: "ไม่รับ ไม่ให้" });
    assert.equal(o.user, "resident");
    assert.equal(o.timeoutMs, 15_000);
  });

  test("--postback with --display-text and --param makes a datetimepicker-style postback", () => {
    const o = parseSayArgs(["--user", "headman", "--postback", "a=meeting.pick&m=1", "--display-text", "เลือกวัน", "--param", "datetime=2025-12-09T09:00"]);
    assert.equal(o.user, "headman");
    assert.deepEqual(o.event, { type: "postback", data: "a=meeting.pick&m=1", displayText: "เลือกวัน", params: { datetime: "2025-12-09T09:00" } });
  });

  test("--location, --follow, --image and --timeout", () => {
    assert.deepEqual(parseSayArgs(["--location", "16.4419,102.836,ศาลากลาง"]).event, { type: "location", latitude: 16.4419, longitude: 102.836, title: "ศาลากลาง" });
    assert.deepEqual(parseSayArgs(["--follow"]).event, { type: "follow" });
    const img = parseSayArgs(["--image", "x.png", "--timeout", "3"]);
    assert.equal(img.image, "x.png");
    assert.equal(img.timeoutMs, 3000);
  });

  test("nothing to say, an unknown flag or a flag without its value is a usage error", () => {
    assert.throws(() => parseSayArgs([]), /say what/);
    assert.throws(() => parseSayArgs(["hi", "--loud"]), /unknown option --loud/);
    assert.throws(() => parseSayArgs(["hi", "--user"]), /--user needs a value/);
    assert.throws(() => parseSayArgs(["hi", "--timeout", "soon"]), /--timeout/);
  });
});

describe("say: printing replies", () => {
  test("bot messages are prefixed with the bot's name; notes and their details are shown", () => {
    const entries: SimEntry[] = [
      { seq: 2, at: 0, userId: "U1", from: "bot", via: "reply", message: { type: "text", text: "สวัสดีค่ะ", quickReply: { items: [{ type: "action", action: { type: "message", label: "เมนู", text: "เมนู" } }] } } },
      { seq: 3, at: 0, userId: "U1", from: "system", level: "error", text: "LINE ไม่รับข้อความนี้", details: ["messages[0].altText: must be specified"] },
    ];
    assert.equal(formatReplies(entries), ["สุจริต ◂ สวัสดีค่ะ", "         ตัวเลือก: [เมนู]", "(LINE ไม่รับข้อความนี้)", "   - messages[0].altText: must be specified"].join("\n"));
  });
});
