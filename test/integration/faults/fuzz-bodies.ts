// Generated webhook bodies for the fuzz test: each comes with the answers that
// are correct for it. Deterministic (seeded), so a failure can be replayed.
// About 2.5% of the bodies carry events that get stored and processed: enough to
// exercise every handler with garbage, few enough to keep the test under a minute.

export interface FuzzCase {
  kind: string;
  body: Buffer;
  /** statuses that are a correct answer */
  ok: number[];
  /** sign with a wrong secret, or not at all */
  badSignature?: "wrong-secret" | "missing" | "tampered";
  /** webhookEventIds that must never be stored (bad signatures) */
  mustNotStore?: string[];
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const hex = (r: Rand, n: number) => Array.from({ length: n }, () => "0123456789abcdef"[Math.floor(r() * 16)]).join("");
const userId = (r: Rand) => "U" + hex(r, 32);
const ulid = (r: Rand) => Array.from({ length: 26 }, () => "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[Math.floor(r() * 32)]).join("");

// Values of the wrong kind, including the shapes that trip JavaScript and MongoDB.
const WEIRD: readonly unknown[] = [
  null, true, 0, -1, 1e308, -0, 3.14, "", " ", "\u0000", "a\u0000b", "$where", "a.b", "__proto__", "constructor",
  "../../v2/bot/message/push", "%00", "ไม่รับ ไม่ให้", "🤨", "\ud800", [], [1, [2]], {}, { $gt: "" }, { "a.b": 1 }, { __proto__: { x: 1 } },
  "U" + "0".repeat(32) + "\n", "x".repeat(5000),
];
const TYPES = ["message", "postback", "follow", "unfollow", "join", "leave", "memberJoined", "beacon", "accountLink", "things", "membership", "module", "activated", "zzz", "", "MESSAGE", "message\u0000", "__proto__", "$set", "a.b"];

function baseEvent(r: Rand, id: string): Record<string, unknown> {
  const type = pick(r, TYPES);
  const ev: Record<string, unknown> = {
    type,
    mode: pick(r, ["active", "active", "standby", "weird"]),
    timestamp: Date.now() - Math.floor(r() * 1000),
    source: { type: "user", userId: userId(r) },
    webhookEventId: id,
    deliveryContext: { isRedelivery: r() < 0.1 },
    replyToken: hex(r, 32),
  };
  if (type === "message") ev.message = { type: pick(r, ["text", "text", "image", "sticker", "location", "file", "???"]), id: String(Math.floor(r() * 1e15)), text: pick(r, ["no gift", "เมนู", "ยกเลิก", "สวัสดี", "pledge", "แจ้งเรื่อง"]) };
  if (type === "postback") ev.postback = { data: pick(r, ["a=topic.show&t=no-gift", "a=menu.show", "a=flow.cancel", "a=__proto__", "a=constructor&$where=1", "a=x.y&a.b=1", "%%%", ""]), params: r() < 0.2 ? { datetime: "2026-12-01T10:00" } : undefined };
  return ev;
}

/** Changes one or more fields to a value of the wrong kind, removes some, adds odd keys. */
function mutate(r: Rand, ev: Record<string, unknown>): Record<string, unknown> {
  const paths = ["type", "mode", "timestamp", "source", "webhookEventId", "deliveryContext", "replyToken", "message", "postback"];
  const n = 1 + Math.floor(r() * 3);
  for (let i = 0; i < n; i++) {
    const roll = r();
    const key = pick(r, paths);
    if (roll < 0.35) ev[key] = pick(r, WEIRD);
    else if (roll < 0.55) delete ev[key];
    else if (roll < 0.7) {
      const inner = (ev[key] && typeof ev[key] === "object" ? ev[key] : {}) as Record<string, unknown>;
      inner[pick(r, ["userId", "groupId", "roomId", "type", "text", "data", "id", "params", "isRedelivery"])] = pick(r, WEIRD);
      ev[key] = inner;
    } else if (roll < 0.85) ev[pick(r, ["__proto__", "constructor", "prototype", "$set", "$where", "a.b", "..", "x\u0000y"])] = pick(r, WEIRD);
    else ev.source = { type: pick(r, ["group", "room", "user", "???"]), groupId: pick(r, ["C" + hex(r, 32), ...WEIRD]), roomId: "R" + hex(r, 32), userId: pick(r, [userId(r), ...WEIRD]) };
  }
  return ev;
}

/** Nested arrays and objects as JSON text (JSON.stringify itself would overflow the stack). */
function deepJson(depth: number): string {
  let open = "";
  let close = "";
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? "[" : '{"a":';
    close = (i % 2 ? "]" : "}") + close;
  }
  return open + "1" + close;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const envelope = (events: unknown) => ({ destination: "U" + "f".repeat(32), events });

/** One generated case; `i` keeps webhookEventIds unique across the run. */
export function generateCase(r: Rand, i: number): FuzzCase {
  const id = () => `${ulid(r).slice(0, 20)}${String(i).padStart(6, "0")}`;
  const roll = r();
  if (roll < 0.15) {
    // The top level is not {events: [...]}: 400.
    const bodies = ["[]", "null", "1", '"events"', "{}", '{"events":{}}', '{"events":"[]"}', '{"events":null}', '{"destination":1}'];
    return { kind: "bad-shape", body: Buffer.from(pick(r, bodies)), ok: [400] };
  }
  if (roll < 0.25) {
    // Not JSON at all, or random bytes that are not UTF-8: 400.
    const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 200) }, () => Math.floor(r() * 256)));
    bytes[0] = 0xff; // never valid JSON
    return { kind: "garbage-bytes", body: r() < 0.5 ? bytes : Buffer.from('{"events":[' + "x".repeat(Math.floor(r() * 50))), ok: [400] };
  }
  if (roll < 0.255) {
    // Invalid UTF-8 inside a string of otherwise valid JSON: decoded with U+FFFD, a normal event.
    const text = Buffer.concat([Buffer.from('{"destination":"x","events":[{"type":"message","mode":"active","timestamp":1,"webhookEventId":"' + id() + '","source":{"type":"user","userId":"' + userId(r) + '"},"message":{"type":"text","id":"1","text":"'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xff, 0xfe]), Buffer.from('"}}]}')]);
    return { kind: "invalid-utf8-string", body: text, ok: [200] };
  }
  if (roll < 0.28) {
    // Deep nesting inside an event (the body parses; re-serialising it would overflow the stack).
    const raw = `{"destination":"x","events":[{"type":"message","webhookEventId":"${id()}","x":${deepJson(4000 + Math.floor(r() * 8000))}}]}`;
    return { kind: "deep-nesting", body: Buffer.from(raw), ok: [200] };
  }
  if (roll < 0.285) {
    // Huge strings: LINE's longest text (5,000 characters) in a stored event; bodies
    // near the 1 MB limit whose big part is not an event; over the limit, 413.
    const kind = r();
    if (kind < 0.3) return { kind: "huge-413", body: json(envelope(["ก".repeat(400_000)])), ok: [413] };
    if (kind < 0.6) return { kind: "huge-string", body: json(envelope(["ก".repeat(100_000 + Math.floor(r() * 200_000))])), ok: [200] };
    const ev = baseEvent(r, id());
    ev.type = "message";
    ev.message = { type: "text", id: "1", text: "ไม่รับ ไม่ให้ ".repeat(385) };
    return { kind: "huge-string", body: json(envelope([ev])), ok: [200] };
  }
  if (roll < 0.6) {
    // Events that are not event objects at all: ignored, 200.
    const junk = Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(r, [...WEIRD, { type: 1 }, { notype: "x" }, [{}]]));
    return { kind: "non-events", body: json(envelope(junk)), ok: [200] };
  }
  if (roll < 0.605) {
    // Prototype pollution attempts at the top level and in the event.
    const raw = `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"destination":"x","events":[{"__proto__":{"type":"message","polluted":"yes"},"type":"unknownType","webhookEventId":"${id()}","source":{"__proto__":{"userId":"${userId(r)}"},"type":"user"}}]}`;
    return { kind: "proto-pollution", body: Buffer.from(raw), ok: [200] };
  }
  if (roll < 0.62) {
    // LINE-shaped events with wrong types, missing fields and odd keys.
    const events = Array.from({ length: Math.floor(r() * 3) }, () => mutate(r, baseEvent(r, id())));
    return { kind: events.length === 0 ? "empty-events" : "mutated-events", body: json(envelope(events)), ok: [200] };
  }
  // No events, with an odd destination or extra top-level keys ($, dotted, __proto__ as text).
  const top: Record<string, unknown> = { destination: pick(r, WEIRD), events: [] };
  top[pick(r, ["$set", "a.b", "constructor", "x"])] = pick(r, WEIRD);
  return { kind: "empty-events", body: json(top), ok: [200] };
}

/** A correctly shaped event body whose signature is wrong in one of three ways: 401, nothing stored. */
export function generateBadSignatureCase(r: Rand, i: number): FuzzCase {
  const eventId = `BADSIG${String(i).padStart(20, "0")}`;
  const ev = baseEvent(r, eventId);
  ev.type = "message";
  return {
    kind: "bad-signature",
    body: json(envelope([ev])),
    ok: [401],
    badSignature: pick(r, ["wrong-secret", "missing", "tampered"] as const),
    mustNotStore: [eventId],
  };
}
