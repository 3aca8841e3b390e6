import type { messagingApi } from "@line/bot-sdk";

// LINE's documented caps (developers.line.biz, Messaging API reference;
// shared/reference/line.md §2.5 and §3). The spec encodes only some of them.
export const MAX_MESSAGES_PER_REQUEST = 5;
export const MAX_MULTICAST_RECIPIENTS = 500;
export const MAX_TEXT_LENGTH = 5000; // UTF-16 code units
export const MAX_ALT_TEXT_LENGTH = 1500;
export const MAX_POSTBACK_DATA = 300;
export const REPLY_TOKEN_SAFE_AGE_MS = 50_000; // tokens are good for about 1 minute

export function truncateUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // never split a surrogate pair
  return s.slice(0, cut) + "…";
}

/** Clamps text and altText to LINE's limits so a long user string never makes a send fail. */
export function clampMessage(m: messagingApi.Message): messagingApi.Message {
  if (m.type === "text") {
    const t = m as messagingApi.TextMessage;
    return { ...t, text: truncateUtf16(t.text, MAX_TEXT_LENGTH) } as messagingApi.Message;
  }
  if (m.type === "flex") {
    const f = m as messagingApi.FlexMessage;
    return { ...f, altText: truncateUtf16(f.altText, MAX_ALT_TEXT_LENGTH) } as messagingApi.Message;
  }
  return m;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
