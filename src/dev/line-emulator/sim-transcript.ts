import { setTimeout as delay } from "node:timers/promises";
import { checkLineMessages } from "./check-messages";
import type { Delivery, LineEmulator, RecordedRequest } from "./types";

// The chat as each simulated user sees it: what they sent, what the bot delivered
// (read from the emulator's record of reply/push/multicast/broadcast), and notes
// when LINE refused a send. Every entry gets a sequence number, so a client asks
// "what is new since N" and never misses or repeats a message.

export type SimUserEvent =
  | { type: "text"; text: string }
  | { type: "postback"; data: string; displayText?: string; params?: Record<string, string> }
  | { type: "location"; latitude: number; longitude: number; title?: string; address?: string }
  | { type: "image"; messageId: string; contentType: string; bytes: number }
  | { type: "sticker"; packageId: string; stickerId: string }
  | { type: "follow" }
  | { type: "unfollow" };

interface EntryBase {
  seq: number;
  at: number;
  userId: string;
}
export interface UserEntry extends EntryBase {
  from: "user";
  event: SimUserEvent;
}
export interface BotEntry extends EntryBase {
  from: "bot";
  via: Delivery["via"];
  message: unknown;
}
export interface NoteEntry extends EntryBase {
  from: "system";
  level: "info" | "error";
  text: string;
  details?: string[];
}
export type SimEntry = UserEntry | BotEntry | NoteEntry;
type EntryInput = { [K in SimEntry["from"]]: Omit<Extract<SimEntry, { from: K }>, "seq" | "at"> & { at?: number } }[SimEntry["from"]];

const MAX_ENTRIES = 10_000;
const POLL_MS = 40;
const SEND_ENDPOINTS = new Set(["reply", "push", "multicast", "broadcast"]);

type EmulatorRecord = Pick<LineEmulator, "deliveries" | "requests">;

export class SimTranscript {
  private readonly entries: SimEntry[] = [];
  private seq = 0;
  private deliveriesSeen = 0;
  private requestsSeen = 0;
  /** reply token -> user, so a refused reply can be shown in the right chat */
  private readonly replyTokens = new Map<string, string>();

  constructor(private readonly emulator: EmulatorRecord) {}

  get cursor(): number {
    return this.seq;
  }

  addUserEvent(userId: string, event: SimUserEvent, replyToken?: string): UserEntry {
    this.sync();
    if (replyToken) {
      this.replyTokens.set(replyToken, userId);
      // A token is only interesting for a minute (LINE's reply window); keep the newest few.
      if (this.replyTokens.size > MAX_ENTRIES) this.replyTokens.delete(this.replyTokens.keys().next().value!);
    }
    return this.push({ from: "user", userId, event });
  }

  addNote(userId: string, level: NoteEntry["level"], text: string, details?: string[]): NoteEntry {
    this.sync();
    return this.push({ from: "system", userId, level, text, ...(details?.length ? { details } : {}) });
  }

  /** Entries of one user after `since`, oldest first. */
  since(userId: string, since: number): SimEntry[] {
    this.sync();
    return this.entries.filter((e) => e.seq > since && e.userId === userId);
  }

  /** Every entry kept, oldest first (for SimStore). */
  all(): SimEntry[] {
    this.sync();
    return [...this.entries];
  }

  /** Puts back a saved history at start-up; later entries continue after `seq`. */
  restore(seq: number, entries: readonly SimEntry[]): void {
    this.entries.push(...entries.slice(-MAX_ENTRIES));
    this.seq = Math.max(this.seq, seq, ...entries.map((e) => e.seq));
  }

  /** Forgets every entry; the sequence goes on, so no client cursor ever points into the past. */
  clear(): void {
    this.sync();
    this.entries.length = 0;
    this.replyTokens.clear();
  }

  /** Like since(), but waits up to `timeoutMs` for at least one entry (long poll). */
  async waitSince(userId: string, since: number, timeoutMs: number, signal?: AbortSignal): Promise<SimEntry[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.since(userId, since);
      if (found.length > 0 || Date.now() >= deadline || signal?.aborted) return found;
      await delay(POLL_MS);
    }
  }

  /** Reads what the emulator recorded since the last call. */
  sync(): void {
    const deliveries = this.emulator.deliveries;
    if (deliveries.length < this.deliveriesSeen) this.deliveriesSeen = 0; // emulator.reset()
    for (; this.deliveriesSeen < deliveries.length; this.deliveriesSeen++) {
      const d = deliveries[this.deliveriesSeen]!;
      for (const message of d.messages) this.push({ from: "bot", userId: d.to, via: d.via, message, at: d.at });
    }
    const requests = this.emulator.requests;
    if (requests.length < this.requestsSeen) this.requestsSeen = 0;
    // A request still in flight has status 0; look at it again next time.
    while (this.requestsSeen < requests.length && requests[this.requestsSeen]!.status !== 0) {
      this.noteRefusal(requests[this.requestsSeen]!);
      this.requestsSeen++;
    }
  }

  private noteRefusal(r: RecordedRequest): void {
    // 409 means "already accepted" (a retry of a delivered push), not a failure.
    if (!SEND_ENDPOINTS.has(r.endpoint) || r.status < 400 || r.status === 409) return;
    const body = (r.body ?? {}) as { replyToken?: unknown; to?: unknown; messages?: unknown };
    const recipients =
      typeof body.replyToken === "string" ? [this.replyTokens.get(body.replyToken)] : Array.isArray(body.to) ? body.to : [body.to];
    const users = recipients.filter((u): u is string => typeof u === "string");
    if (users.length === 0) return;
    const problems = Array.isArray(body.messages) ? checkLineMessages(body.messages) : [];
    const text = describeRefusal(r, problems.length > 0);
    for (const userId of users) this.push({ from: "system", userId, level: problems.length > 0 ? "error" : "info", text, ...(problems.length ? { details: problems } : {}) });
  }

  private push<E extends EntryInput>(entry: E): Extract<SimEntry, { from: E["from"] }> {
    const full = { ...entry, seq: ++this.seq, at: entry.at ?? Date.now() } as unknown as Extract<SimEntry, { from: E["from"] }>;
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }
}

function describeRefusal(r: RecordedRequest, invalid: boolean): string {
  if (invalid) return `LINE ไม่รับข้อความนี้ (${r.endpoint} ${r.status}): รูปแบบข้อความผิดกติกาของ LINE`;
  if (r.endpoint === "reply" && r.status === 400) return "reply token ใช้ไม่ได้แล้ว (ใช้ซ้ำหรือหมดอายุ) บอทควรส่งแบบ push แทน";
  if (r.status === 429) return `LINE ตอบ 429 (${r.endpoint}): เกินอัตราหรือโควตา`;
  if (r.status >= 500) return `LINE ตอบ ${r.status} (${r.endpoint}): บอทควรลองส่งใหม่`;
  return `LINE ตอบ ${r.status} กับคำขอ ${r.endpoint}`;
}
