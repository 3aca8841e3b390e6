import { antiCorruptionDayExplainer } from "./anti-corruption-day.content";
import type { Explainer, TopicId } from "./explainer.types";
import { giftLawExplainer } from "./gift-law.content";
import { howToReportExplainer } from "./how-to-report.content";
import { itaExplainer } from "./ita.content";
import { noGiftExplainer } from "./no-gift.content";
import { pledgeExplainer } from "./pledge.content";
import { privacyExplainer } from "./privacy.content";
import { whatIsCorruptionExplainer } from "./what-is-corruption.content";

export type { Explainer, ExplainerAction, ExplainerSection, ExplainerSource, TopicId } from "./explainer.types";
export { TOPIC_IDS, isTopicId } from "./explainer.types";

/** All explainers, in the order the topic menu shows them. */
export const EXPLAINERS: readonly Explainer[] = [
  noGiftExplainer,
  giftLawExplainer,
  whatIsCorruptionExplainer,
  howToReportExplainer,
  itaExplainer,
  antiCorruptionDayExplainer,
  pledgeExplainer,
  privacyExplainer,
];

const byId = new Map<TopicId, Explainer>(EXPLAINERS.map((e) => [e.id, e]));

/** The explainer for a topic id, or undefined for an unknown id (e.g. a stale postback). */
export function getExplainer(id: string): Explainer | undefined {
  return byId.get(id as TopicId);
}
