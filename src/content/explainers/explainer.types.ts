// The shape of one explainer: plain data, so content editors change Thai text,
// sources and review dates here without touching any builder or handler.

export const TOPIC_IDS = [
  "no-gift",
  "gift-law",
  "what-is-corruption",
  "how-to-report",
  "ita",
  "anti-corruption-day",
  "pledge",
  "privacy",
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

export interface ExplainerSection {
  /** Optional short heading shown in bold above the paragraph. */
  heading?: string;
  /** Thai; short paragraphs, bullet lines start with "• " and are separated by "\n". */
  body: string;
}

export interface ExplainerSource {
  /** The document itself, e.g. "พ.ร.บ.ประกอบรัฐธรรมนูญ… พ.ศ. 2561 มาตรา 128". */
  label: string;
  /** Where or what in it: a date, an article title, a site. */
  detail?: string;
}

export interface ExplainerAction {
  /** Button label (Thai). LINE clips Flex button labels at 40 characters. */
  label: string;
  /** URLSearchParams string starting with "a=<domain.verb>" (LINE postback data ≤ 300 chars). */
  postback: string;
}

export interface Explainer {
  id: TopicId;
  /** Thai, short: shown as the bubble header and as a quick-reply displayText. */
  title: string;
  /** Optional label of at most 20 characters (LINE's quick-reply label cap) when the title is longer. */
  shortTitle?: string;
  /** One line for the topic menu. */
  summary: string;
  sections: readonly ExplainerSection[];
  sources: readonly ExplainerSource[];
  /** ISO date (YYYY-MM-DD) when a person last checked the text against its sources. */
  lastReviewed: string;
  /** Suggested next topics, offered as quick replies. */
  followUps: readonly TopicId[];
  actions?: readonly ExplainerAction[];
}

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
