import { randomBytes } from "node:crypto";
import express from "express";
import type { AddressInfo } from "node:net";
import { makeUserId, signBody, startLineEmulator } from "../src/dev/line-emulator";
import { validateSignature } from "@line/bot-sdk";
import { startBotProcess } from "./lib/bot-process";
import { closedLoop, openLoop, type LoadResult, type LoadTarget } from "./lib/load";

// Webhook ingest: signed bodies of 1 and 10 events into the real server (a child
// process), against a bare express server that only checks the HMAC on the same
// bodies (the baseline, measured in the same run).
const SECRET = "0123456789abcdef0123456789abcdef";
const TOKEN = "bench-access-token";

function bodyOf(events: number): () => LoadTarget["body"] {
  let n = 0;
  return () => {
    const evs = Array.from({ length: events }, () => {
      n += 1;
      const id = `01BENCH${String(n).padStart(19, "0")}`;
      return {
        type: "message",
        mode: "active",
        timestamp: Date.now(),
        webhookEventId: id,
        deliveryContext: { isRedelivery: false },
        source: { type: "user", userId: makeUserId(`ingest${n % 500}`) },
        replyToken: randomBytes(16).toString("hex"),
        message: { type: "text", id: String(n), quoteToken: "q", text: "ไม่รับ ไม่ให้" },
      };
    });
    return Buffer.from(JSON.stringify({ destination: "U" + "0".repeat(32), events: evs }));
  };
}

function target(url: string, make: () => Buffer): () => LoadTarget {
  return () => {
    const body = make();
    return { url, body, headers: { "content-type": "application/json", "x-line-signature": signBody(SECRET, body) } };
  };
}

async function startBaseline(): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.post("/webhook", express.raw({ type: () => true, limit: "1mb" }), (req, res) => {
    const ok = validateSignature(req.body as Buffer, SECRET, String(req.get("x-line-signature")));
    res.status(ok ? 200 : 401).json({});
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, close: () => new Promise((r) => server.close(() => r())) };
}

export interface IngestFigures {
  [k: string]: LoadResult | number | string;
}

export async function runIngestBench(mongoUri: string, quick: boolean): Promise<IngestFigures> {
  const seconds = quick ? 5 : 15;
  const line = await startLineEmulator({ channelSecret: SECRET, channelAccessToken: TOKEN, rateLimits: { reply: 100000, push: 100000 } });
  const bot = await startBotProcess({
    env: {
      MONGODB_URI: mongoUri,
      MONGODB_DB: `bench_ingest_${randomBytes(3).toString("hex")}`,
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: TOKEN,
      LINE_API_BASE_URL: line.url,
      LINE_DATA_API_BASE_URL: line.url,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SESSION_SECRET: randomBytes(32).toString("hex"),
      SCHEDULER_ENABLED: "false",
      LOG_LEVEL: "error",
    },
  });
  const base = await startBaseline();
  const out: IngestFigures = {};
  try {
    for (const events of [1, 10]) {
      out[`baseline_${events}`] = await closedLoop(target(base.url, bodyOf(events)), 16, seconds);
      out[`bot_${events}`] = await closedLoop(target(`${bot.url}/webhook`, bodyOf(events)), 16, seconds);
    }
    // p99 at a fixed 500 events/s: 50 bodies of 10 events per second.
    out.bot_500eps = await openLoop(target(`${bot.url}/webhook`, bodyOf(10)), 50, seconds);
    out.peakRssMB = Math.round((bot.peakRssBytes() ?? 0) / 1048576);
  } finally {
    await bot.kill("SIGTERM");
    await base.close();
    await line.close();
  }
  return out;
}
