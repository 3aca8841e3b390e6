import { parseArgs } from "node:util";
import { startLineEmulator } from "../src/dev/line-emulator";
import { drive, pct } from "./e2e.bench";
import type { SessionKind } from "./lib/sessions";

// Load-tests a running deployment without touching LINE (docs/scale-out.md).
// Starts the LINE emulator on this host, sends signed webhooks to the
// deployment's /webhook at a steady rate as simulated residents, and reports how
// long each reply took to reach the emulator. The deployment must use this
// emulator as its LINE API (LINE_API_BASE_URL / LINE_DATA_API_BASE_URL) and the
// same channel secret and access token.
//   npx tsx bench/load-deployment.ts --webhook http://10.0.0.5:3000/webhook \
//     --secret "$LINE_CHANNEL_SECRET" --token "$LINE_CHANNEL_ACCESS_TOKEN" --port 9000 --rate 50 --seconds 60
const { values } = parseArgs({
  options: {
    webhook: { type: "string" },
    secret: { type: "string" },
    token: { type: "string" },
    port: { type: "string", default: "9000" },
    rate: { type: "string", default: "20" },
    seconds: { type: "string", default: "30" },
    mix: { type: "string", default: "explainer:60,pledge:25,complaint:15" },
  },
});

async function main(): Promise<void> {
  if (!values.webhook || !values.secret || !values.token) {
    throw new Error("usage: --webhook URL --secret CHANNEL_SECRET --token ACCESS_TOKEN [--port 9000] [--rate 20] [--seconds 30] [--mix explainer:60,pledge:25,complaint:15]");
  }
  const mix = values.mix!.split(",").map((p) => p.split(":") as [SessionKind, string]);
  const line = await startLineEmulator({
    channelSecret: values.secret,
    channelAccessToken: values.token,
    port: Number(values.port),
    webhookUrl: values.webhook,
    redeliver: { attempts: 10, delayMs: 1000 },
  });
  console.log(`LINE emulator on ${line.url}: set LINE_API_BASE_URL and LINE_DATA_API_BASE_URL of the deployment to it (it listens on loopback; tunnel it, e.g. ssh -R ${values.port}:127.0.0.1:${values.port} <bot host>).`);
  try {
    const run = await drive(line, mix.map((m) => m[0]), mix.map((m) => Number(m[1])), Number(values.rate), Number(values.seconds));
    const rejected = line.requests.filter((r) => r.status >= 400).length;
    console.log(
      JSON.stringify(
        { sent: run.sent, unanswered: run.unanswered, p50ms: pct(run.latencies.all, 50), p99ms: pct(run.latencies.all, 99), lineApiCalls: line.requests.length, lineApiRejected: rejected },
        null,
        2,
      ),
    );
  } finally {
    await line.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
