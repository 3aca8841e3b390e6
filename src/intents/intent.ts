import { normalizeText } from "./normalize";

// Maps free text to an action. This first version knows the No Gift Policy;
// the topic-understanding module replaces it with segmentation and synonyms.
export type Intent =
  | { kind: "action"; action: string; params?: Record<string, string> }
  | { kind: "unknown" };

export function detectIntent(text: string): Intent {
  const t = normalizeText(text).replace(/[\s\-–—_.,!?]/g, "");
  if (t.includes("ไม่รับไม่ให้") || t.includes("nogift")) return { kind: "action", action: "topic.show", params: { t: "no-gift" } };
  return { kind: "unknown" };
}
