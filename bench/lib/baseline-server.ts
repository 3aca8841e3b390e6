import { validateSignature } from "@line/bot-sdk";
import express from "express";

// The benchmark baseline: a bare express server that does only what LINE
// requires of any bot (read the raw body, check the HMAC, parse the JSON, answer
// 200). With ECHO_LINE_URL set it also replies to each event at once through the
// LINE API, with no database: the floor for "event in, reply recorded".
// Run as a child process: PORT, LINE_CHANNEL_SECRET, [ECHO_LINE_URL, LINE_CHANNEL_ACCESS_TOKEN].
const secret = process.env.LINE_CHANNEL_SECRET ?? "";
const echoUrl = process.env.ECHO_LINE_URL;
const token = process.env.LINE_CHANNEL_ACCESS_TOKEN ?? "";
const app = express();
app.get("/healthz", (_req, res) => void res.json({ ok: true }));
app.post("/webhook", express.raw({ type: () => true, limit: "1mb" }), (req, res) => {
  const body = req.body as Buffer;
  if (!validateSignature(body, secret, String(req.get("x-line-signature") ?? ""))) return void res.status(401).json({});
  let parsed: { events?: { replyToken?: string }[] };
  try {
    parsed = JSON.parse(body.toString("utf8")) as typeof parsed;
  } catch {
    return void res.status(400).json({});
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
