import type { SimEntry, UserEntry } from "./sim-transcript";
import type { SimUser } from "./sim-users";

// A client of the emulator's /__sim API for Node (the `say` command and tests):
// send as a simulated user, then collect what the bot answered.

export type SimEventInput =
  | { type: "text"; text: string }
  | { type: "postback"; data: string; displayText?: string; params?: Record<string, string> }
  | { type: "location"; latitude: number; longitude: number; title?: string; address?: string }
  | { type: "sticker"; packageId?: string; stickerId?: string }
  | { type: "follow" }
  | { type: "unfollow" };

export interface SendResult {
  user: SimUser;
  entry: UserEntry;
  /** the event's id, as stored in the bot's inbox */
  webhookEventId: string;
  webhook: { status: number };
}

export class SimClientError extends Error {
  override name = "SimClientError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const LONG_POLL_MAX_MS = 25_000;

export class SimClient {
  private readonly base: string;

  constructor(emulatorUrl: string) {
    this.base = emulatorUrl.replace(/\/+$/, "");
  }

  async users(): Promise<SimUser[]> {
    return (await this.call<{ users: SimUser[] }>("GET", "/users")).users;
  }

  async addUser(displayName: string): Promise<SimUser> {
    return (await this.call<{ user: SimUser }>("POST", "/users", JSON.stringify({ displayName }), "application/json")).user;
  }

  /** Sends one event; a 502 (the bot did not answer the webhook with 200) throws with the reason. */
  send(user: string, event: SimEventInput): Promise<SendResult> {
    return this.call("POST", `${userPath(user)}/events`, JSON.stringify(event), "application/json");
  }

  sendImage(user: string, bytes: Buffer, contentType: string): Promise<SendResult> {
    return this.call("POST", `${userPath(user)}/images`, bytes, contentType);
  }

  messages(user: string, since: number, waitMs = 0): Promise<{ user: SimUser; cursor: number; entries: SimEntry[] }> {
    return this.call("GET", `${userPath(user)}/messages?since=${since}&wait=${Math.round(waitMs)}`);
  }

  /**
   * What the bot sent (and notes about refused sends) after `since`: waits up to
   * `timeoutMs` for the first, then until nothing new arrives for `quietMs`.
   */
  async collectReplies(user: string, since: number, opts: { timeoutMs?: number; quietMs?: number } = {}): Promise<SimEntry[]> {
    const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
    const quietMs = opts.quietMs ?? 800;
    const got: SimEntry[] = [];
    let cursor = since;
    for (;;) {
      const wait = got.length > 0 ? quietMs : Math.min(deadline - Date.now(), LONG_POLL_MAX_MS);
      if (wait <= 0) return got;
      const res = await this.messages(user, cursor, wait);
      cursor = res.cursor;
      const fresh = res.entries.filter((e) => e.from !== "user");
      if (fresh.length === 0 && got.length > 0) return got;
      got.push(...fresh);
    }
  }

  private async call<T>(method: string, path: string, body?: string | Buffer, contentType?: string): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.base}/__sim${path}`, { method, ...(body !== undefined ? { body, headers: { "content-type": contentType! } } : {}) });
    } catch {
      throw new SimClientError(`ติดต่อ LINE emulator ที่ ${this.base} ไม่ได้ — start it with \`npm run dev\` (or set EMULATOR_URL)`);
    }
    const data = (await res.json().catch(() => ({}))) as T & { message?: string; webhook?: { status: number } };
    if (res.status === 502) throw new SimClientError(`the bot did not accept the webhook (status ${data.webhook?.status ?? "?"}): is the bot running?`, 502);
    if (!res.ok) throw new SimClientError(data.message ?? `HTTP ${res.status} from ${path}`, res.status);
    return data;
  }
}

const userPath = (user: string) => `/users/${encodeURIComponent(user)}`;
