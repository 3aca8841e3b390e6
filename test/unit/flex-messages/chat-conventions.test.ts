import assert from "node:assert/strict";
import { test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { photoReceivedPrompt } from "../../../flex-messages/complaint-prompts.flex";
import { explainerQuickReplies } from "../../../flex-messages/explainer.flex";
import { MAIN_ACTIONS } from "../../../flex-messages/main-actions";
import { PLEDGE_STATEMENT } from "../../../flex-messages/pledge-intro.flex";
import { MIN_MEMBERS_FOR_RATE as SHOWN_MIN } from "../../../flex-messages/pledge-progress.flex";
import { quickReplies } from "../../../flex-messages/components.flex";
import { EXPLAINERS } from "../../../src/content/explainers";
import { PLEDGE_SCRIPT } from "../../../src/services/meeting.service";
import { MIN_MEMBERS_FOR_RATE } from "../../../src/services/pledge-stats.service";
import { timelineData } from "../../../src/services/complaint-views";
import type { ComplaintDoc } from "../../../src/models/complaint.model";
import { chatCatalog } from "../../helpers/chat-catalog";

// Conventions across the whole chat: a label means one thing wherever it appears,
// every card ends with what can be done next, one pledge text, and the short photo answer.

/**
 * What a tap does: the router action, or the words sent. A chip names its topic (t=);
 * a button on a topic's own card ("อ่านต่อ") opens that card's topic. Typing "ยกเลิก"
 * and the flow.cancel postback both end the flow.
 */
function meaning(a: messagingApi.Action, chip: boolean): string {
  if (a.type === "postback") {
    const p = new URLSearchParams((a as messagingApi.PostbackAction).data);
    if (p.get("a") === "flow.cancel") return "cancel";
    return `postback ${p.get("a")}${chip && p.has("t") ? ` t=${p.get("t")}` : ""}${p.has("c") ? " (one case)" : ""}`;
  }
  if (a.type === "message") return (a as messagingApi.MessageAction).text === "ยกเลิก" ? "cancel" : `says ${(a as messagingApi.MessageAction).text}`;
  return a.type;
}

function actionsOf(m: messagingApi.Message): { action: messagingApi.Action; chip: boolean }[] {
  const out = (m.quickReply?.items ?? []).flatMap((i) => (i.action ? [{ action: i.action, chip: true }] : []));
  const walk = (n: unknown): void => {
    if (!n || typeof n !== "object") return;
    const o = n as Record<string, unknown>;
    if (o.type === "button" && o.action) out.push({ action: o.action as messagingApi.Action, chip: false });
    for (const v of Object.values(o)) if (typeof v === "object") walk(v);
  };
  if (m.type === "flex") walk((m as messagingApi.FlexMessage).contents);
  return out;
}

test("a label means one thing wherever it appears", () => {
  const seen = new Map<string, Set<string>>();
  const messages = chatCatalog().map((e) => e.message);
  const extra = [MAIN_ACTIONS, ...EXPLAINERS.map(explainerQuickReplies)].map((items) => ({ type: "text", text: "x", quickReply: quickReplies(items) }) as messagingApi.TextMessage);
  for (const m of [...messages, ...extra]) {
    for (const { action: a, chip } of actionsOf(m)) {
      if (!a.label) continue;
      if (!seen.has(a.label)) seen.set(a.label, new Set());
      seen.get(a.label)!.add(meaning(a, chip));
    }
  }
  const twoMeanings = [...seen].filter(([, m]) => m.size > 1).map(([label, m]) => `${label}: ${[...m].join(" / ")}`);
  assert.deepEqual(twoMeanings, []);
});

/** Cards whose next step is not a chip row, and why. */
const NEXT_STEP_ELSEWHERE: Readonly<Record<string, string>> = {
  "complaint-resume": "its answer follows at once and carries the chips",
  "pledge-intro": "the district card follows it",
  "complaint-offer": "its own two buttons are the choice: report this, or just asking",
  "greeting-reply": "the topic menu card follows it",
  "case-alert-new": "sent to an officer: its button opens the case in the dashboard",
  "case-alert-expedite": "sent to an officer: its button opens the case in the dashboard",
  "case-digest": "sent to an officer: its button opens the queue in the dashboard",
  announcement: "a broadcast: its own button, and the line on how to stop announcements",
};

test("every card offers what comes next as quick replies", () => {
  const bare = chatCatalog()
    .filter(({ name, message }) => !NEXT_STEP_ELSEWHERE[name] && (message.quickReply?.items?.length ?? 0) === 0)
    .map(({ name }) => name);
  assert.deepEqual(bare, []);
});

test("the headman reads aloud the very pledge residents make in the chat", () => {
  assert.equal(PLEDGE_SCRIPT, PLEDGE_STATEMENT);
  assert.equal(SHOWN_MIN, MIN_MEMBERS_FOR_RATE, "the '–' note names the real threshold");
});

test("a photo at the evidence step gets a short answer with more or next", () => {
  const m = photoReceivedPrompt(2, 5);
  assert.equal(m.text, "ได้รับรูปที่ 2/5 แล้วค่ะ");
  assert.deepEqual(m.quickReply?.items?.map((i) => i.action?.label), ["ส่งรูปเพิ่ม", "ถ่ายรูป", "ถัดไป", "ยกเลิก"]);
  const full = photoReceivedPrompt(5, 5);
  assert.ok(!full.quickReply?.items?.some((i) => i.action?.label === "ส่งรูปเพิ่ม"), "no more photos once full");
});

test("the timeline says ได้รับเรื่องแล้ว once", () => {
  const at = new Date("2026-11-26T03:05:00Z");
  const doc = {
    trackingCode: "KK-7F3-Q9M-2XA",
    category: "bribe",
    status: "received",
    submittedAt: at,
    statusHistory: [{ status: "received", at, note: "ได้รับเรื่องแล้ว", actor: { kind: "system" } }],
    awaitingReporter: false,
    reporterSealed: "x",
  } as unknown as ComplaintDoc;
  const data = timelineData(doc, [], "Asia/Bangkok", true);
  const said = JSON.stringify(data.events).match(/ได้รับเรื่องแล้ว/g) ?? [];
  assert.equal(said.length, 1, JSON.stringify(data.events));
});
