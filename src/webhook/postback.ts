import type { webhook } from "@line/bot-sdk";
import { MAX_POSTBACK_DATA } from "../line/limits";

// Postback data is a URL-encoded string whose "a" names the action, keyed
// domain.verb (STYLE.md rule 2), e.g. "a=pledge.confirm&d=4001".
export interface Postback {
  action: string;
  params: URLSearchParams;
  /** datetimepicker result (date, time or datetime), when present. */
  picked?: string;
}

export function parsePostback(p: webhook.PostbackContent | undefined): Postback | undefined {
  if (!p || typeof p.data !== "string") return undefined;
  const params = new URLSearchParams(p.data.slice(0, MAX_POSTBACK_DATA));
  const picked = p.params && typeof p.params === "object" ? (p.params as Record<string, unknown>) : undefined;
  const value = picked ? picked.datetime ?? picked.date ?? picked.time : undefined;
  return { action: params.get("a") ?? "", params, picked: typeof value === "string" ? value : undefined };
}

/** Builds postback data and fails loudly in tests if it would exceed LINE's 300 characters. */
export function postbackData(action: string, params: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ a: action });
  for (const [k, v] of Object.entries(params)) q.set(k, String(v));
  const s = q.toString();
  if (s.length > MAX_POSTBACK_DATA) throw new Error(`postback data over ${MAX_POSTBACK_DATA} characters: ${action}`);
  return s;
}
