import assert from "node:assert/strict";
import { test } from "node:test";
import { makeUserId } from "../../../src/dev/line-emulator";
import { createLogger } from "../../../src/logger";
import { startHarness } from "../../helpers/harness";

// #17 item 5: with LOG_FORMAT=pretty (npm run dev) each handled event is one short
// line naming the person and what they said; with json (npm start) the same event's
// line carries neither the text nor the LINE id.
async function run(format: "json" | "pretty", nameOf?: (id: string) => string | undefined): Promise<string[]> {
  const lines: string[] = [];
  const logger = createLogger("info", {}, (l) => lines.push(l), { format, color: false, nameOf });
  const h = await startHarness(`devlog-${format}`, { env: { LOG_FORMAT: format }, logger });
  try {
    const user = makeUserId(`devlog-${format}`);
    await h.line.sendWebhook([h.line.events.text(user, "ไม่รับ ไม่ให้")]);
    await h.settle();
    return lines;
  } finally {
    await h.close();
  }
}

test("pretty: one human line per event, with the simulated person's name", async () => {
  const user = makeUserId("devlog-pretty");
  const lines = await run("pretty", (id) => (id === user ? "ต้อย" : undefined));
  const event = lines.filter((l) => l.includes("▸"));
  assert.equal(event.length, 1, lines.join("\n"));
  assert.match(event[0]!, /^\d\d:\d\d:\d\d ต้อย ▸ "ไม่รับ ไม่ให้" → [\w-]+\.[\w.-]+ \(\d+ ms\)$/, "the action that ran, e.g. topic.show");
  assert.ok(!lines.some((l) => l.trimStart().startsWith("{")), "no JSON lines in the pretty format");
});

test("json: the handled event is a JSON line without what was said or who said it", async () => {
  const lines = await run("json");
  const handled = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.msg === "event handled");
  assert.equal(handled.length, 1, lines.join("\n"));
  assert.equal(typeof handled[0]!.ms, "number");
  const text = lines.join("\n");
  assert.ok(!text.includes("ไม่รับ ไม่ให้") && !text.includes(makeUserId("devlog-json")), "no text and no raw LINE id in JSON logs");
});
