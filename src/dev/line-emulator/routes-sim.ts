import express, { Router, type Request, type Response } from "express";
import type { SimTranscript, SimUserEvent } from "./sim-transcript";
import { SimUsers, UnknownSimUserError, type SimUser } from "./sim-users";
import type { LineEmulator, WebhookEventInput } from "./types";
import { makeMessageId } from "./ids";
import type { SimStore } from "./sim-store";

// /__sim: the chat simulator's control API. Each call acts as one simulated LINE
// user: it builds the webhook event LINE would send, signs it with the channel
// secret and posts it to the bot, exactly like LINE. Replies are read back from
// what the bot delivered to the emulator (GET …/messages, a long poll).

export interface SimRouteDeps {
  emulator: Pick<LineEmulator, "events" | "sendWebhook" | "putContent">;
  users: SimUsers;
  transcript: SimTranscript;
  /** Keeps users, history and photos across restarts (npm run dev); absent in tests that need none. */
  store?: SimStore;
}

/** Images a person "sent", kept so the page can show them in the chat. */
const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_KEPT_IMAGES = 200;
const MAX_WAIT_MS = 30_000;
const MAX_TEXT = 5000;
const PICKER_PARAMS = new Set(["date", "time", "datetime", "newRichMenuAliasId", "status"]);

class BadInput extends Error {}

function str(v: unknown, name: string, max = MAX_TEXT): string {
  if (typeof v !== "string" || v.length === 0 || v.length > max) throw new BadInput(`${name} must be a string of 1..${max} characters`);
  return v;
}

function num(v: unknown, name: string, min: number, max: number): number {
  const n = typeof v === "string" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n) || n < min || n > max) throw new BadInput(`${name} must be a number in ${min}..${max}`);
  return n;
}

function optionalStr(v: unknown, name: string): string | undefined {
  return v === undefined || v === null || v === "" ? undefined : str(v, name, 100);
}

function pickerParams(v: unknown): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) throw new BadInput("params must be an object such as {\"datetime\":\"2025-12-09T09:00\"}");
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (!PICKER_PARAMS.has(k) || typeof val !== "string") throw new BadInput(`params.${k} is not a postback parameter LINE sends`);
    out[k] = val;
  }
  return out;
}

/** The user's event as the simulator shows it, and the webhook event LINE would send for it. */
function buildEvent(deps: SimRouteDeps, user: SimUser, body: Record<string, unknown>): { shown: SimUserEvent; event: WebhookEventInput } {
  const ev = deps.emulator.events;
  const id = user.userId;
  switch (body.type) {
    case "text": {
      const text = str(body.text, "text");
      return { shown: { type: "text", text }, event: ev.text(id, text) };
    }
    case "postback": {
      const data = str(body.data, "data", 300); // LINE: postback data ≤ 300 characters
      const displayText = optionalStr(body.displayText, "displayText");
      const params = pickerParams(body.params);
      return { shown: { type: "postback", data, ...(displayText ? { displayText } : {}), ...(params ? { params } : {}) }, event: ev.postback(id, data, params) };
    }
    case "location": {
      const loc = { latitude: num(body.latitude, "latitude", -90, 90), longitude: num(body.longitude, "longitude", -180, 180) };
      const title = optionalStr(body.title, "title");
      const address = optionalStr(body.address, "address");
      const full = { ...loc, ...(title ? { title } : {}), ...(address ? { address } : {}) };
      return { shown: { type: "location", ...full }, event: ev.location(id, full) };
    }
    case "sticker": {
      const packageId = optionalStr(body.packageId, "packageId") ?? "446";
      const stickerId = optionalStr(body.stickerId, "stickerId") ?? "1988";
      return { shown: { type: "sticker", packageId, stickerId }, event: ev.sticker(id, packageId, stickerId) };
    }
    case "follow":
      return { shown: { type: "follow" }, event: ev.follow(id) };
    case "unfollow":
      return { shown: { type: "unfollow" }, event: ev.unfollow(id) };
    default:
      throw new BadInput('type must be one of text, postback, location, sticker, follow, unfollow (images: POST …/images)');
  }
}

async function deliver(deps: SimRouteDeps, res: Response, user: SimUser, shown: SimUserEvent, event: WebhookEventInput): Promise<void> {
  const replyToken = "replyToken" in event && typeof event.replyToken === "string" ? event.replyToken : undefined;
  const entry = deps.transcript.addUserEvent(user.userId, shown, replyToken);
  const webhook = await deps.emulator.sendWebhook([event]);
  const ok = webhook.status >= 200 && webhook.status < 300;
  if (!ok) {
    const why = webhook.status === 0 ? `ติดต่อบอทไม่ได้ (${webhook.body})` : `บอทตอบ webhook ด้วยสถานะ ${webhook.status}`;
    deps.transcript.addNote(user.userId, "error", why);
  }
  res.status(ok ? 200 : 502).json({ user, entry, webhookEventId: event.webhookEventId, webhook: { status: webhook.status } });
}

/** `extra` routers (e.g. the rich menu) share this API's error answers. */
export function simRoutes(deps: SimRouteDeps, ...extra: Router[]): Router {
  const router = Router();
  const images = new Map<string, { contentType: string; body: Buffer }>();
  const userOf = (req: Request) => deps.users.resolve(String(req.params.user));

  router.get("/users", (_req, res) => void res.json({ users: deps.users.list() }));

  router.post("/users", express.json(), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const user = deps.users.add(str(body.displayName, "displayName", 20));
    res.status(201).json({ user });
  });

  router.post("/users/:user/events", express.json({ limit: "64kb" }), async (req, res) => {
    const user = userOf(req);
    const { shown, event } = buildEvent(deps, user, (req.body ?? {}) as Record<string, unknown>);
    await deliver(deps, res, user, shown, event);
  });

  // The page uploads the file's bytes as is; LINE would then serve them from the content API.
  router.post("/users/:user/images", express.raw({ type: () => true, limit: MAX_IMAGE_BYTES }), async (req, res) => {
    const user = userOf(req);
    const contentType = req.get("content-type") ?? "";
    const body = req.body as Buffer;
    if (!/^image\/(jpeg|png|gif|webp)$/i.test(contentType)) throw new BadInput("send the image bytes with Content-Type image/jpeg, image/png, image/gif or image/webp");
    if (!Buffer.isBuffer(body) || body.length === 0) throw new BadInput("the request body must be the image bytes");
    const messageId = makeMessageId();
    deps.emulator.putContent(messageId, { contentType, body });
    images.set(messageId, { contentType, body });
    if (images.size > MAX_KEPT_IMAGES) images.delete(images.keys().next().value!);
    deps.store?.saveImage(messageId, { contentType, body });
    const shown: SimUserEvent = { type: "image", messageId, contentType, bytes: body.length };
    await deliver(deps, res, user, shown, deps.emulator.events.image(user.userId, { messageId }));
  });

  router.get("/images/:messageId", (req, res) => {
    const image = images.get(req.params.messageId) ?? deps.store?.loadImage(req.params.messageId);
    if (!image) return void res.status(404).json({ message: "Not found" });
    res.type(image.contentType).send(image.body);
  });

  // The page's "clear" button: every chat, the users added by hand and their photos are forgotten
  // (the bot's database keeps what it stored).
  router.post("/clear", (_req, res) => {
    if (deps.store) deps.store.clear();
    else {
      deps.transcript.clear();
      deps.users.clear();
    }
    images.clear();
    res.json({ cursor: deps.transcript.cursor });
  });

  // ?since=<seq>&wait=<ms>: answers at once when there is something new, else waits (long poll).
  router.get("/users/:user/messages", async (req, res) => {
    const user = userOf(req);
    const asked = req.query.since === undefined ? 0 : num(req.query.since, "since", 0, Number.MAX_SAFE_INTEGER);
    // A cursor from before an emulator restart is ahead of this transcript: start over.
    const since = asked > deps.transcript.cursor ? 0 : asked;
    const wait = req.query.wait === undefined ? 0 : num(req.query.wait, "wait", 0, MAX_WAIT_MS);
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    const entries = await deps.transcript.waitSince(user.userId, since, wait, gone.signal);
    if (gone.signal.aborted && !res.writable) return;
    const cursor = entries.length > 0 ? entries[entries.length - 1]!.seq : since;
    res.json({ user, cursor, entries });
  });

  if (extra.length > 0) router.use(...extra);
  router.use((_req, res) => void res.status(404).json({ message: "Not found" }));
  router.use((err: Error & { type?: string }, _req: Request, res: Response, _next: () => void) => {
    if (err instanceof BadInput || err instanceof RangeError) return void res.status(400).json({ message: err.message });
    if (err instanceof UnknownSimUserError) return void res.status(404).json({ message: err.message });
    if (err.type === "entity.too.large") return void res.status(413).json({ message: "too large" });
    if (err.type === "entity.parse.failed") return void res.status(400).json({ message: "the body is not valid JSON" });
    res.status(500).json({ message: err.message });
  });
  return router;
}
