import { decideClass, type ClassDecision } from "./classifier/decide";
import { messageFeatures } from "./classifier/features";
import { fromModelJson, type ModelJson } from "./classifier/model-json";
import { predict, type SoftmaxModel } from "./classifier/softmax";
import { getIntentDefinition } from "./intent-rules";
import { viewText } from "./match-concepts";
import modelJson from "./intent-model.json";
import { FLOW_WORDS } from "./synonyms";

// Free text → an action, a question back ("คุณหมายถึง…"), or nothing. Runs after the active
// flow step and the exact commands in the routing table, so it only sees text nobody owns.
// A classifier trained on the corpus of issue 19 (classifier/, `npm run train:intents`)
// gives calibrated probabilities per intent; classifier/decide.ts turns them into a
// decision. `npm run eval:intents` measures it against the old rule matcher (rule-intent.ts).

export interface IntentCandidate {
  /** Thai quick-reply label (≤ 20 characters). */
  label: string;
  action: string;
  params?: Record<string, string>;
}

export type Intent =
  | { kind: "action"; action: string; params?: Record<string, string> }
  | { kind: "ask"; candidates: IntentCandidate[] }
  | { kind: "unknown" };

/** The shipped model (src/intents/intent-model.json). */
export const INTENT_MODEL: SoftmaxModel = fromModelJson(modelJson as ModelJson);

const flowWords = new Set(FLOW_WORDS.map((w) => viewText(w).compact));
/** Longer texts are never one flow word (padding and particles included). */
const MAX_FLOW_WORD = 30;

/** Labels of the corpus that are not in the rule table. */
const EXTRA_LABELS: Record<string, IntentCandidate> = {
  "complaint.report": { label: "แจ้งเรื่องร้องเรียน", action: "complaint.start" },
  greeting: { label: "เมนู", action: "menu.show" },
};

/** The action for an intent key: "topic.show:ita" → topic.show {t: ita}; others by name. */
export function actionOf(key: string): { action: string; params?: Record<string, string> } {
  const m = /^topic\.show:(.+)$/.exec(key);
  return m ? { action: "topic.show", params: { t: m[1]! } } : { action: key };
}

function candidateOf(key: string): IntentCandidate {
  const extra = EXTRA_LABELS[key];
  if (extra) return { ...extra };
  const def = getIntentDefinition(key);
  const { action, params } = actionOf(key);
  return { label: def?.label ?? key, action, ...(params ? { params } : {}) };
}

/** Class probabilities for a message, best first. */
export function classifyText(text: string, model: SoftmaxModel = INTENT_MODEL): { label: string; p: number }[] {
  const probs = predict(model, messageFeatures(text));
  return model.classes.map((label, i) => ({ label, p: probs[i]! })).sort((a, b) => b.p - a.p);
}

export function intentFromDecision(d: ClassDecision): Intent {
  if (d.kind === "act") return { kind: "action", ...actionOf(d.label) };
  if (d.kind === "ask") {
    const candidates: IntentCandidate[] = [];
    for (const c of d.labels.map(candidateOf)) if (!candidates.some((o) => intentKey(o) === intentKey(c))) candidates.push(c);
    return candidates.length >= 2 ? { kind: "ask", candidates } : { kind: "unknown" };
  }
  return { kind: "unknown" };
}

/** What the bot should do with free text, according to a model (the shipped one by default). */
export function detectIntent(text: string, model: SoftmaxModel = INTENT_MODEL): Intent {
  if (text.length <= MAX_FLOW_WORD && flowWords.has(viewText(text).compact)) return { kind: "unknown" };
  const probs = predict(model, messageFeatures(text));
  return intentFromDecision(decideClass(model.classes, probs));
}

/** "topic.show:<t>" for an explainer, the action name otherwise, or the kind ("ask", "unknown"). */
export function intentKey(intent: Intent | IntentCandidate): string {
  if ("kind" in intent && intent.kind !== "action") return intent.kind;
  const { action, params } = intent as { action: string; params?: Record<string, string> };
  return action === "topic.show" && params?.t ? `topic.show:${params.t}` : action;
}
