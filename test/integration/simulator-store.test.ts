import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { makePngHeader, startLineEmulator, type LineEmulator } from "../../src/dev/line-emulator";
import { SimClient } from "../../src/dev/line-emulator/sim-client";
import { mountSimulator, type Simulator } from "../../src/dev/line-emulator/simulator";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../helpers/test-config";

// Issue 17: restarting `npm run dev` wiped the simulator's users and chat history while the
// database kept their complaints. Now they are kept in <data dir>/simulator, and the page's
// "clear" button (POST /__sim/clear) starts afresh.
let h: Harness;
let dataDir: string;
const extra: LineEmulator[] = [];

/** A fresh emulator with the simulator on the same folder: what the next `npm run dev` does. */
async function restartSimulator(): Promise<{ sim: Simulator; api: SimClient }> {
  const emu = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN });
  extra.push(emu);
  const sim = mountSimulator(emu, { dataDir });
  return { sim, api: new SimClient(emu.url) };
}

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-simstore-"));
  h = await startHarness("simulator-store");
});
after(async () => {
  await h.close();
  for (const e of extra) await e.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the chat simulator across restarts", () => {
  test("users added by hand, what they said, the bot's answers and photos come back; clear starts afresh", async () => {
    const first = mountSimulator(h.line, { dataDir });
    const api = new SimClient(h.line.url);
    const somchai = await api.addUser("สมชาย ทดสอบ");
    const sent = await api.send("สมชาย ทดสอบ", { type: "text", text: "ไม่รับ ไม่ให้" });
    const replies = await api.collectReplies(somchai.userId, sent.entry.seq, { quietMs: 300 });
    assert.ok(replies.some((e) => e.from === "bot"), "the bot answered");
    const photo = await api.sendImage("resident", makePngHeader(8, 8), "image/png");
    first.store!.stop(); // what dev mode does on Ctrl-C

    const { sim: second, api: api2 } = await restartSimulator();
    const users = await api2.users();
    assert.ok(users.some((u) => u.userId === somchai.userId && u.displayName === "สมชาย ทดสอบ"), "the added user is back");
    const history = await api2.messages(somchai.userId, 0);
    assert.deepEqual(
      history.entries.map((e) => e.seq),
      [sent.entry.seq, ...replies.map((e) => e.seq)],
      "the same entries, in order, with their numbers",
    );
    assert.ok(history.entries.some((e) => e.from === "bot"));
    const image = await fetch(`${extra[0]!.url}/__sim/images/${(photo.entry.event as { messageId: string }).messageId}`);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get("content-type"), "image/png");
    // New entries continue after the old numbers, so a page's cursor never points into the past.
    assert.equal(second.transcript.cursor, photo.entry.seq);

    const cleared = await fetch(`${extra[0]!.url}/__sim/clear`, { method: "POST" });
    assert.equal(cleared.status, 200);
    assert.deepEqual((await api2.messages("resident", 0)).entries, []);
    assert.equal((await api2.users()).length, 3, "only the preset people");
    second.store!.stop();

    const { api: api3 } = await restartSimulator();
    const after = await api3.users();
    assert.deepEqual(after.map((u) => u.displayName), ["ชาวบ้าน (สมศรี)", "ผู้ใหญ่บ้าน (บุญมา)", "เจ้าหน้าที่ทดสอบ"], "only the preset people");
    assert.deepEqual((await api3.messages("resident", 0)).entries, []);
    assert.equal((await fetch(`${extra[1]!.url}/__sim/images/${(photo.entry.event as { messageId: string }).messageId}`)).status, 404);
  });
});
