import type { IncomingMessage, ServerResponse } from "node:http";
import { validateSignature } from "@line/bot-sdk";
import type { AppDeps } from "../app-deps";
import { countWebhookRequest } from "../observability/metrics";
import type { IngestLoad } from "./ingest-load";
import type { InboxWorker } from "./inbox-worker";
import { createInboxWriter, type JournalGate } from "./inbox-writer";

// POST /webhook as a plain Node handler. The raw body (≤ 1 MB) is read here, its
// signature checked on the exact bytes LINE signed (shared/reference/line.md §1.4),
// then parsed; events are stored, then 200, then processed. The HTTP server calls it
// before express (http-server.ts), and the express app mounts the same function,
// so both paths behave alike. It is plain because it is the one route that takes
// floods: express's router, body parser and res.json cost about a third of its
// CPU per request (peak intake 3,914 → 4,198 requests/s from route order and the
// constant answer alone, 2 cores, 2026-12-05).
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;
// LINE counts an answer slower than 2 s as a timeout (line.md, webhook response
// deadline). If MongoDB cannot take the events by then, answer 503 so that LINE
// redelivers. A late insert is harmless: the redelivery hits the unique _id (the
// webhookEventId) and is skipped, and the poller processes the stored row.
export const INBOX_DEADLINE_MS = 1000;

export interface WebhookState {
  accepting: boolean;
}

export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => void;

const JSON_TYPE = "application/json; charset=utf-8";
const OK = "{}";

function answer(res: ServerResponse, status: number, body: string, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { "content-type": JSON_TYPE, "content-length": String(Buffer.byteLength(body)) };
  if (close) headers.connection = "close";
  res.writeHead(status, headers).end(body);
  countWebhookRequest(status);
}
const message = (text: string) => JSON.stringify({ message: text });

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`inbox insert took over ${ms} ms`)), ms);
  });
  p.catch(() => undefined); // a late failure after the deadline is already answered
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** The body as bytes, or the status that refuses it (413 over the limit, 400 when the client goes away). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | number> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) return resolve(413);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: Buffer | number) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume(); // discard the rest; the answer closes the connection
        finish(413);
      } else if (!done) chunks.push(chunk);
    });
    req.on("end", () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    req.on("aborted", () => finish(400));
    req.on("error", () => finish(400));
  });
}

export function createWebhookHandler(deps: AppDeps, worker: InboxWorker, state: WebhookState, load?: IngestLoad, journal?: JournalGate): WebhookHandler {
  const inbox = createInboxWriter(deps.sealer, load, journal);
  const secret = deps.config.line.channelSecret;
  return (req, res) => {
    if (!state.accepting) return answer(res, 503, message("shutting down"), true);
    const encoding = String(req.headers["content-encoding"] ?? "identity").toLowerCase();
    if (encoding !== "identity") return answer(res, 415, message("unsupported content encoding"), true);
    void readBody(req, WEBHOOK_BODY_LIMIT_BYTES).then(async (raw) => {
      if (typeof raw === "number") return answer(res, raw, message(raw === 413 ? "body too large" : "bad request"), true);
      const signature = req.headers["x-line-signature"];
      if (typeof signature !== "string" || !validateSignature(raw, secret, signature)) return answer(res, 401, message("invalid signature"));
      let body: { events?: unknown } | null;
      try {
        body = JSON.parse(raw.toString("utf8")) as { events?: unknown } | null;
      } catch {
        return answer(res, 400, message("malformed JSON"));
      }
      if (typeof body !== "object" || body === null || !Array.isArray(body.events)) return answer(res, 400, message("events must be an array"));
      let batch;
      try {
        batch = await withDeadline(inbox.store(body.events, deps.now()), INBOX_DEADLINE_MS);
      } catch (err) {
        // Not stored, so not acknowledged: LINE redelivers a non-2xx answer.
        deps.logger.error("inbox insert failed", { err: err as Error });
        return answer(res, 503, message("temporarily unavailable"));
      }
      answer(res, 200, OK);
      deps.logger.debug("webhook stored", { ...batch, chatKeys: batch.chatKeys.length });
      worker.kick(batch.chatKeys); // none when journaled: the expander kicks once the events are in the inbox
    });
  };
}
