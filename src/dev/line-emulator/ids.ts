import { createHash, randomBytes, randomUUID } from "node:crypto";

// Identifier shapes LINE uses, so code under test sees realistic values.

/** LINE user id: "U" + 32 lowercase hex chars. A seed gives a stable id (handy in fixtures). */
export function makeUserId(seed?: string): string {
  const hex = seed === undefined ? randomBytes(16).toString("hex") : createHash("sha256").update(seed).digest("hex").slice(0, 32);
  return `U${hex}`;
}

export const USER_ID_PATTERN = /^U[0-9a-f]{32}$/;
/** push `to` may be a user, group (C…) or room (R…) id */
export const CHAT_ID_PATTERN = /^[UCR][0-9a-f]{32}$/;

/** x-line-request-id values are UUIDs. */
export function newRequestId(): string {
  return randomUUID();
}

// LINE's X-Line-Retry-Key: "a hex UUID" (any version), e.g. 123e4567-e89b-12d3-a456-426614174000.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** webhookEventId is a ULID: 10 chars of ms timestamp + 16 random chars, Crockford base32. */
export function makeUlid(now: number = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const rand = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join("");
  return time + rand;
}

/** Reply tokens are opaque 32-char strings. */
export function makeReplyToken(): string {
  return randomBytes(16).toString("hex");
}

/** Quote / mark-as-read tokens are opaque base64url strings. */
export function makeOpaqueToken(): string {
  return randomBytes(24).toString("base64url");
}

let lastMessageId = 500_000_000_000_000_000n;
/** Message ids are numeric strings (18 digits), increasing. */
export function makeMessageId(): string {
  lastMessageId += BigInt(1 + Math.floor(Math.random() * 1000));
  return lastMessageId.toString();
}

/** Rich menu ids look like "richmenu-" + 32 hex chars. */
export function makeRichMenuId(): string {
  return `richmenu-${randomBytes(16).toString("hex")}`;
}
