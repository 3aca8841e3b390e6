import type { TopicId } from "../src/content/explainers";
import { postbackData, type QuickReplyItem } from "./components.flex";

// The things a resident can do from anywhere in the chat, offered as quick replies
// under the topic menu and the greeting. Postbacks are the router's domain.verb actions.

/** Postback that opens one explainer: "a=topic.show&t=<id>". */
export function topicShowPostback(id: TopicId): string {
  return postbackData("topic.show", { t: id });
}

export const MAIN_ACTIONS: readonly QuickReplyItem[] = [
  { label: "อ่านเรื่องนโยบาย", postback: topicShowPostback("no-gift") },
  { label: "ร่วมประกาศเจตนารมณ์", postback: postbackData("pledge.start") },
  { label: "แจ้งเรื่องร้องเรียน", postback: postbackData("complaint.start") },
  { label: "ติดตามเรื่อง", postback: postbackData("complaint.track") },
  { label: "ประชุมครั้งต่อไป", postback: postbackData("meeting.next") },
];

/** "เมนู" is a global word in the router, so it is sent as typed text. */
export const MENU_ITEM: QuickReplyItem = { label: "เมนู", text: "เมนู" };

/** The main actions plus "เมนู": a fresh array for any reply (e.g. the fallback text). */
export function mainQuickReplies(): QuickReplyItem[] {
  return [...MAIN_ACTIONS, MENU_ITEM];
}
