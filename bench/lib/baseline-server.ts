import { validateSignature } from "@line/bot-sdk";
import express from "express";
import { mongo } from "mongoose";

// The benchmark baseline: a bare express server that does only what LINE
// requires of any bot (read the raw body, check the HMAC, parse the JSON, answer
// 200). With ECHO_LINE_URL set it also replies to each event at once through the
// LINE API, with no database: the floor for "event in, reply recorded".
// With MONGODB_URI set it is the durable baseline instead: the events of each
// body are stored with one insertMany (their ids as _id) before the 200.
// Run as a child process: PORT, LINE_CHANNEL_SECRET, [ECHO_LINE_URL, LINE_CHANNEL_ACCESS_TOKEN], [MONGODB_URI, MONGODB_DB].
const secret = process.env.LINE_CHANNEL_SECRET ?? "";
const echoUrl = process.env.ECHO_LINE_URL;
const token = process.env.LINE_CHANNEL_ACCESS_TOKEN ?? "";
const client = process.env.MONGODB_URI ? new mongo.MongoClient(process.env.MONGODB_URI, { maxPoolSize: 20 }) : undefined;
const stored = client?.db(process.env.MONGODB_DB ?? "bench_baseline").collection<{ _id: string; body: string }>("events");
const app = express();
app.get("/healthz", (_req, res) => void res.json({ ok: true }));
app.post("/webhook", express.raw({ type: () => true, limit: "1mb" }), async (req, res) => {
  const body = req.body as Buffer;
  if (!validateSignature(body, secret, String(req.get("x-line-signature") ?? ""))) return void res.status(401).json({});
  let parsed: { events?: { replyToken?: string; webhookEventId?: string }[] };
  try {
    parsed = JSON.parse(body.toString("utf8")) as typeof parsed;
  } catch {
    return void res.status(400).json({});
  }
  if (stored && (parsed.events ?? []).length > 0) {
    try {
      await stored.insertMany(
        (parsed.events ?? []).map((ev) => ({ _id: String(ev.webhookEventId), body: JSON.stringify(ev) })),
        { ordered: false },
      );
    } catch {
      return void res.status(503).json({});
    }
  }
  res.status(200).json({});
  if (!echoUrl) return;
  for (const ev of parsed.events ?? []) {
    if (typeof ev.replyToken !== "string") continue;
    void fetch(`${echoUrl}/v2/bot/message/reply`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ replyToken: ev.replyToken, messages: [{ type: "text", text: "รับทราบค่ะ" }] }),
    }).catch(() => undefined);
  }
});
app.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
