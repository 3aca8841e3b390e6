import type { ConceptId } from "./synonyms";

// Which concepts point to which action, and how strongly. Read a rule as "a message with all
// of these concepts (and none of those) scores this much for the intent". An intent's score is
// its best rule. 3 = clear, 2 = enough on its own, 1 = a hint that only ever leads to a
// question ("คุณหมายถึง…"). Questions (what/how/where/how many) beat bare subjects: someone
// asking how to report wants the explainer, not the complaint form.

export interface IntentRule {
  all: readonly ConceptId[];
  none?: readonly ConceptId[];
  score: number;
}

export interface IntentDefinition {
  /** "topic.show:<t>" for explainers, else the action name: what the eval labels use. */
  key: string;
  action: string;
  params?: Record<string, string>;
  /** Quick-reply label when the bot asks (LINE: at most 20 characters). */
  label: string;
  rules: readonly IntentRule[];
}

const r = (score: number, all: readonly ConceptId[], none?: readonly ConceptId[]): IntentRule => ({ all, none, score });

/** Concepts that make a message a question about something rather than a request to act. */
const ASKING: readonly ConceptId[] = [
  "whatIs", "how", "where", "who", "benefit", "count", "phone", "hotline", "agency", "channel", "falseReport",
  "complaintContents", "track", "pastReport", "privacy", "anonymity",
];
const ASKING_NOT_HOW = ASKING.filter((c) => c !== "how");

const topic = (t: string, label: string, rules: readonly IntentRule[]): IntentDefinition => ({
  key: `topic.show:${t}`, action: "topic.show", params: { t }, label, rules,
});

export const INTENTS: readonly IntentDefinition[] = [
  topic("no-gift", "นโยบายไม่รับ ไม่ให้", [
    r(3, ["noGift"], ["pledge", "announce", "count"]),
    r(3, ["gift", "policy"]),
    r(3, ["gift", "obligation", "official"]),
    r(2.5, ["gift", "obligation"], ["amount", "legal"]),
    r(1.5, ["gift", "official"]),
    r(1, ["gift"]),
  ]),
  topic("gift-law", "รับของขวัญได้แค่ไหน", [
    r(3, ["gift", "amount"]),
    r(3, ["gift", "legal"]),
    r(3, ["law128"]),
    r(2.5, ["gift", "allowed"], ["obligation"]),
    r(1, ["gift"]),
  ]),
  topic("what-is-corruption", "การทุจริตใกล้ตัว", [
    r(3, ["corruption", "whatIs"]),
    r(3, ["bribe", "whatIs"]),
    r(2.5, ["corruption", "legal"]),
    r(2.5, ["bribe", "legal"]),
    r(1.5, ["corruption"]),
    r(1.5, ["bribe"]),
  ]),
  topic("how-to-report", "ช่องทางร้องเรียน", [
    r(3, ["hotline"]),
    r(3, ["channel"]),
    r(3, ["falseReport"]),
    r(3, ["phone", "agency"]),
    r(3, ["phone", "report"]),
    r(3, ["phone", "notify", "corruption"]),
    r(3, ["phone", "corruption"]),
    r(3, ["report", "how"]),
    r(3, ["report", "where"]),
    r(3, ["notify", "corruption", "how"]),
    r(3, ["notify", "corruption", "where"]),
    r(3, ["report", "complaintContents"]),
    r(2.5, ["agency"]),
    r(2.5, ["corruption", "where"]),
    r(1, ["phone"]),
    r(1, ["corruption"], ASKING),
  ]),
  {
    key: "complaint.start", action: "complaint.start", label: "แจ้งเรื่องร้องเรียน",
    rules: [
      r(3, ["report", "want"], ASKING_NOT_HOW),
      r(3, ["notify", "want", "corruption"], ASKING_NOT_HOW),
      r(3, ["notify", "want", "bribe"], ASKING_NOT_HOW),
      r(2.5, ["notify", "corruption"], ASKING),
      r(2.5, ["notify", "bribe"], ASKING),
      r(2.5, ["report", "corruption"], ASKING),
      r(2.5, ["report", "bribe"], ASKING),
      r(2.5, ["report", "official"], ASKING),
      r(2, ["report"], ASKING),
      r(2, ["bribe", "official"], ASKING),
      r(2, ["corruption", "official"], ASKING),
      r(1, ["corruption"], ASKING),
      r(1, ["bribe"], ASKING),
    ],
  },
  {
    key: "complaint.track", action: "complaint.track", label: "ติดตามเรื่อง",
    rules: [r(3, ["track", "caseWord"]), r(3, ["track", "report"]), r(3, ["track", "pastReport"]), r(2.5, ["pastReport"]), r(1, ["track"], ["meeting"])],
  },
  topic("ita", "ITA คืออะไร", [r(3, ["ita"])]),
  topic("anti-corruption-day", "วันต่อต้านคอร์รัปชัน", [r(3, ["acd"])]),
  topic("pledge", "ประกาศเจตนารมณ์คือ", [
    r(3.5, ["pledge", "whatIs"], ["count"]),
    r(3.5, ["pledge", "how"]),
    r(3.5, ["pledge", "who"]),
    r(3.5, ["pledge", "benefit"]),
    r(1, ["pledge"]),
  ]),
  {
    key: "pledge.start", action: "pledge.start", label: "ร่วมประกาศเจตนารมณ์",
    rules: [
      r(3, ["pledge", "want"], ASKING),
      r(2.5, ["pledge", "noGift"], ASKING),
      r(2.5, ["announce", "noGift"], ASKING),
      r(2, ["pledge"], ASKING),
    ],
  },
  {
    key: "pledge.stats", action: "pledge.stats", label: "ยอดผู้ประกาศ",
    rules: [r(4, ["pledge", "count"]), r(3.5, ["announce", "count"]), r(3, ["noGift", "count"])],
  },
  {
    key: "meeting.next", action: "meeting.next", label: "ประชุมครั้งต่อไป",
    rules: [r(3, ["meeting", "when"], ["remind"]), r(2.5, ["meeting"], ["remind"])],
  },
  {
    key: "meeting.subscribe", action: "meeting.subscribe", label: "เตือนก่อนประชุม",
    rules: [r(3.5, ["remind", "meeting"]), r(1, ["remind"])],
  },
  topic("privacy", "ข้อมูลส่วนบุคคล", [
    r(3, ["privacy"], ["delete", "withdrawConsent"]),
    r(3, ["anonymity"]),
    r(2.5, ["data", "whatIs"], ["delete"]),
    r(1, ["data"], ["delete"]),
  ]),
  {
    key: "privacy.delete", action: "privacy.delete", label: "ลบข้อมูลของฉัน",
    rules: [r(3.5, ["delete", "data"]), r(3.5, ["delete", "privacy"]), r(3, ["withdrawConsent"]), r(1, ["delete"]), r(1, ["data"])],
  },
  {
    key: "menu.show", action: "menu.show", label: "เมนู",
    rules: [r(3, ["menu"]), r(3, ["capability"]), r(2, ["greeting"])],
  },
];

/** The intent definition for a key such as "topic.show:ita" or "complaint.start". */
export function getIntentDefinition(key: string): IntentDefinition | undefined {
  return INTENTS.find((d) => d.key === key);
}
