import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makeUserId } from "../../../src/dev/line-emulator";
import { AuditLog } from "../../../src/models/audit-log.model";
import { InboxEvent, type InboxEventDoc } from "../../../src/models/inbox-event.model";
import { BotContext, MAX_ANALYSED_TEXT } from "../../../src/webhook/bot-context";
import { openPayload } from "../../../src/webhook/inbox-payload";
import { DEAD_LETTER_REPLY, MAX_HANDLER_ATTEMPTS, processInboxEvent } from "../../../src/webhook/process-event";
import type { Route } from "../../../src/webhook/router";
import { startHarness, type Harness } from "../../helpers/harness";

// Issue 18 item 1: a poison event (its handler kills the process) is counted
// before the handler runs, so across restarts it runs at most MAX_HANDLER_ATTEMPTS
// times, then it is dead-lettered: answered once, politely, and the chat goes on.
let h: Harness;
before(async () => {
  h = await startHarness("poison", { processing: false });
});
after(async () => h.close());

const base = () => h.webhookUrl.replace(/\/webhook$/, "");

test("a handler that kills the process runs at most N times across restarts; then the event is dead-lettered and the chat moves on", async () => {
  const user = makeUserId("poison");
  const poison = h.line.events.text(user, "ข้อความพิษ");
  assert.equal((await h.line.sendWebhook([poison])).status, 200);

  // Each "process" runs the stored row with a handler that never returns, as a
  // process dying inside it would; the next "process" reads the row afresh.
  let runs = 0;
  const crashing: Route[] = [{ name: "crash", when: () => true, run: () => (runs++, new Promise<never>(() => undefined)) }];
  for (let restart = 0; restart < MAX_HANDLER_ATTEMPTS + 3; restart++) {
    const row = await InboxEvent.findById(poison.webhookEventId).lean<InboxEventDoc>();
    if (row!.state === "done") break;
    const before = runs;
    const outcome = processInboxEvent(row!, h.bot.deps, crashing);
    // Wait until the handler has been entered (the process "dies" there) or the event finished.
    const finished = await Promise.race([outcome.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 1500))]);
    if (!finished) assert.equal(runs, before + 1, "the handler was entered");
  }
  assert.equal(runs, MAX_HANDLER_ATTEMPTS, `the poison handler ran ${runs} times`);
  const row = await InboxEvent.findById(poison.webhookEventId).lean<InboxEventDoc>();
  assert.equal(row!.state, "done");
  assert.equal(row!.deadLetter, true);
  await h.bot.deps.outbox.drainDue();
  const answers = h.line.messagesTo(user) as { type: string; text?: string }[];
  assert.equal(answers.length, 1, "answered once");
  assert.equal(answers[0]!.text, DEAD_LETTER_REPLY);
  assert.match(DEAD_LETTER_REPLY, /ท่าน/);
  assert.doesNotMatch(DEAD_LETTER_REPLY, /คุณ/);

  // Shown to operators: the audit log (dashboard) and /metrics.
  const audit = await AuditLog.findOne({ action: "inbox.dead_lettered" }).lean();
  assert.equal((audit!.detail as { webhookEventId: string }).webhookEventId, poison.webhookEventId);
  const metrics = await (await fetch(`${base()}/metrics`)).text();
  assert.match(metrics, /^sujarit_inbox_dead_letters 1$/m);

  // The chat is not stuck: a real worker answers the next event.
  await h.restart();
  await h.line.sendWebhook([h.line.events.text(user, "เมนู")]);
  await h.settle();
  assert.equal(h.line.messagesTo(user).length, 2);
  assert.equal(runs, MAX_HANDLER_ATTEMPTS, "the poison handler never ran again");
  await h.restart({ processing: false });
});

test("a 910,000-character text is stored whole, handlers see a bounded prefix, and the chat is answered", async () => {
  const user = makeUserId("huge");
  const huge = "no gift ".repeat(113_750); // 910,000 characters, under the 1 MB body limit
  const ev = h.line.events.text(user, huge);
  assert.equal((await h.line.sendWebhook([ev])).status, 200);
  const row = await InboxEvent.findById(ev.webhookEventId).lean<InboxEventDoc>();
  const stored = JSON.parse(openPayload(row!, h.bot.deps.sealer)) as { message: { text: string } };
  assert.equal(stored.message.text, huge, "stored literally");
  const ctx = new BotContext(stored as never, row!.chatKey, h.bot.deps, new Date(), h.bot.deps.logger, null);
  assert.equal(ctx.text!.length, MAX_ANALYSED_TEXT);
  const started = Date.now();
  await h.restart();
  await h.settle();
  assert.equal(h.line.messagesTo(user).length, 1, "answered");
  assert.ok(Date.now() - started < 20_000);
  await h.restart({ processing: false });
});
