import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { makeUserId } from "../../src/dev/line-emulator";
import { mountSimulator } from "../../src/dev/line-emulator/simulator";
import { startHarness, type Harness } from "../helpers/harness";
import { runCaptured, type Captured } from "../helpers/run-captured";

// `npm run cli -- say …` as a person runs it: a separate process that talks to the
// emulator's /__sim API (EMULATOR_URL), waits for the bot's reply and prints it.
const ROOT = path.resolve(__dirname, "..", "..");
let h: Harness;
before(async () => {
  h = await startHarness("say-command");
  mountSimulator(h.line);
});
after(async () => h.close());

function say(args: string[], emulatorUrl = h.line.url): Promise<Captured> {
  return runCaptured(process.execPath, ["--import", "tsx", "src/cli/cli.ts", "say", ...args], { cwd: ROOT, env: { ...process.env, EMULATOR_URL: emulatorUrl } });
}

describe("npm run cli -- say", () => {
  test('say "ไม่รับ ไม่ให้" prints the explainer: altText, texts, source line and quick replies', async () => {
    const r = await say(["ไม่รับ ไม่ให้"]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split("\n");
    assert.equal(lines[0], "ชาวบ้าน (สมศรี) ▸ ไม่รับ ไม่ให้");
    assert.match(lines[1]!, /^สุจริต ◂ \[Flex\] .*ไม่รับ ไม่ให้/);
    assert.match(r.out, /ที่มา: /);
    assert.match(lines[lines.length - 1]!, /ตัวเลือก: .*\[เมนู\]/);
    assert.ok(h.line.messagesTo(makeUserId("sim:resident")).length > 0, "the reply went through the emulator");
  });

  test("--user headman --postback sends a tap as the headman", async () => {
    const r = await say(["--user", "headman", "--postback", "a=topic.show&t=ita", "--display-text", "ITA คืออะไร"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^ผู้ใหญ่บ้าน \(บุญมา\) ▸ ITA คืออะไร/);
    assert.match(r.out, /ITA/);
    assert.ok(h.line.messagesTo(makeUserId("sim:headman")).length > 0);
  });

  test("no emulator: exit 1 with a line that says to start npm run dev", async () => {
    const r = await say(["สวัสดี"], "http://127.0.0.1:9");
    assert.equal(r.code, 1);
    assert.match(r.err, /npm run dev/);
  });
});
