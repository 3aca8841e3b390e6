import { fmt, type BenchSection } from "./report";

// The "how it scales" part of BENCHMARKS.md. The reasoning is fixed; the numbers
// come from this run's ingest and end-to-end sections when they ran.
function measuredProcessing(sections: BenchSection[]): string {
  const ingest = sections.find((s) => s.title === "Webhook ingest");
  const drains = Object.entries(ingest?.raw ?? {})
    .filter(([k]) => k.startsWith("drain_after_peak"))
    .map(([, v]) => v as { eventsPerSecond?: number; processed?: number });
  const best = Math.max(0, ...drains.filter((d) => (d.processed ?? 0) > 100).map((d) => d.eventsPerSecond ?? 0));
  const peak = ingest?.figures.find((f) => f.name.startsWith("accepted requests/s, 1-event"));
  const parts: string[] = [];
  if (peak?.value) parts.push(`In this run one bot process accepted about ${fmt(peak.value, 0)} signed single-event webhooks per second`);
  if (best > 0) parts.push(`and worked through its backlog at about ${fmt(best, 0)} events per second (handler, flow state, reply)`);
  return parts.length ? parts.join(" ") + "; both stop at the database long before the bot's CPU does." : "";
}

export function scalingMarkdown(sections: BenchSection[]): string {
  return [
    "## How it scales",
    "",
    "**What grows with what.** Every webhook event becomes one inbox row, written before the 200 (concurrent requests share one insert; in a flood each request is first one journal row, which the journal expander turns into its events' inbox rows and deletes); the row is updated twice while it is handled (committed with its answer, then done, when its chat key is removed). Done rows stay (sealed) until the retention purge, so the inbox grows with chat traffic, but the worker only ever searches index ranges of open rows, which grow with the backlog alone. " +
      "Members grow the `members` collection and, per pledge, one pledge document plus counters per district and tambon, so rankings read counters and do not grow with pledges. " +
      "Complaints grow `complaints`, their message threads and GridFS evidence (photos up to LINE's content size); list pages and counts per status are queries on the declared indexes (`src/models/query-shapes.ts`). " +
      "Villages grow meetings and reminders: one reminder per offset (3 by default) per meeting occurrence in a rolling 45-day horizon, about 2,400 villages × 3 a month for the province. " +
      "A due reminder costs one multicast per 500 opted-in residents of villages that share the same message.",
    "",
    "**Where the next limit is.** " +
      (measuredProcessing(sections) || "The database bounds every figure here.") +
      " On this machine the test database is mongo-java-server in memory: keyed operations take about a millisecond, with the launcher's own index planner (tools/mongo-dev) declared indexes serve filters and sorts (first section), and it shares the 2 cores with the bot, the load generator and the emulator. " +
      "On MongoDB (a replica set, `w: majority`) the same work uses the declared indexes (`inboxevents {chatKey, timestamp, receivedAt, _id}` and `{state, timestamp, receivedAt, _id}` for the backlog, `inboxjournals` by `_id` in a flood, `inboxevents` and `flowstates` by `_id`, `outboxmessages {state, nextAttemptAt}`, `reminders {state, dueAt}`, `members {lineUserId}`), and the next limits are, in order: " +
      "the bot's CPU (signature, JSON, sealing and Flex building: add replicas, which coordinate only through MongoDB claims and leases, see docs/scale-out.md); " +
      "LINE's own bounds (the 2 s webhook budget, which only the inbox insert spends, and 200 multicasts/s × 500 recipients for reminders, which the outbox paces); " +
      "and, over months, the size of the outbox, which wants a periodic prune of sent rows (finished inbox rows are already purged after `INBOX_RETENTION_DAYS`).",
    "",
  ].join("\n");
}
