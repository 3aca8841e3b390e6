import assert from "node:assert/strict";
import type { messagingApi } from "@line/bot-sdk";
import path from "node:path";
import { test } from "node:test";
import { checkMessageLimits } from "../../../src/dev/line-emulator/message-limits";
import { formatViolation, validateLineRequest } from "../../../src/dev/line-emulator/openapi-validator";
import { findRequestRuleViolations } from "../../../src/dev/line-emulator/request-rules";
import { lineSchemas, SKIP_WITHOUT_SPEC } from "../../helpers/line-spec";
import { withoutJoiners } from "../../../flex-messages/components.flex";
import { COLORS, LINE_SECONDARY_BUTTON_LABEL, READABLE_TEXT_SIZES, SHORT_LABEL_MAX, contrastRatio } from "../../../flex-messages/theme";

// Helpers shared by the flex-message tests: LINE's rules (own table, plus the OpenAPI
// schema when the spec is present), and a walk
// over every text drawn, with the background it is drawn on.

export { lineSchemas, SKIP_WITHOUT_SPEC };

const SOME_USER = `U${"0".repeat(32)}`;
/** Every message this test file passed to assertAcceptedByLine, for the spec check at its end. */
const checkedMessages: messagingApi.Message[] = [];

/** Fails with every violation of LINE's documented rules (the emulator's own table: shapes and limits). */
export function assertAcceptedByLine(message: messagingApi.Message): void {
  const body = { to: SOME_USER, messages: [message] };
  const errors = [...findRequestRuleViolations("PushMessageRequest", body).map(formatViolation), ...checkMessageLimits([message])];
  assert.deepEqual(errors, []);
  checkedMessages.push(message);
}

/**
 * Registers the test that checks every message the file checked above against LINE's
 * OpenAPI schema: the only part that needs the spec, so the only part skipped without it.
 * Call it last in the file.
 */
export function testCheckedMessagesAgainstSpec(): void {
  // node --test runs each file in its own process, so argv[1] names the file for the skip summary.
  const file = path.basename(process.argv[1] ?? "this file");
  test(`every message ${file} checked above also matches LINE's OpenAPI schema`, { skip: SKIP_WITHOUT_SPEC }, () => {
    const schemas = lineSchemas;
    assert.ok(schemas);
    assert.ok(checkedMessages.length > 0, "no message was checked in this file");
    const errors = checkedMessages.flatMap((m) =>
      validateLineRequest(schemas, "PushMessageRequest", { to: SOME_USER, messages: [m] }).map((e) => `${"altText" in m ? m.altText.slice(0, 40) : m.type}: ${e}`),
    );
    assert.deepEqual(errors, []);
  });
}

export interface DrawnText {
  text: string;
  size: string | undefined;
  fg: string;
  bg: string;
  kind: "text" | "button";
}

// LINE's own defaults: text #111111 (near-black), bubble background white.
const LINE_DEFAULT_TEXT = "#111111";

function walk(node: messagingApi.FlexComponent, bg: string, out: DrawnText[]): void {
  if (node.type === "box") {
    const box = node as messagingApi.FlexBox;
    for (const child of box.contents) walk(child, box.backgroundColor ?? bg, out);
  } else if (node.type === "text") {
    const t = node as messagingApi.FlexText;
    out.push({ text: withoutJoiners(t.text ?? ""), size: t.size, fg: t.color ?? LINE_DEFAULT_TEXT, bg, kind: "text" });
  } else if (node.type === "button") {
    const b = node as messagingApi.FlexButton;
    const label = b.action.label ?? "";
    const style = b.style ?? "link";
    if (style === "primary") out.push({ text: label, size: "md", fg: COLORS.onBrand, bg: b.color ?? bg, kind: "button" });
    else if (style === "secondary") out.push({ text: label, size: "md", fg: LINE_SECONDARY_BUTTON_LABEL, bg: b.color ?? bg, kind: "button" });
    else out.push({ text: label, size: "md", fg: b.color ?? LINE_DEFAULT_TEXT, bg, kind: "button" });
  }
}

/** Every piece of text a phone will draw for this Flex message, with its colours. */
export function drawnTexts(message: messagingApi.FlexMessage): DrawnText[] {
  const bubbles = message.contents.type === "carousel"
    ? (message.contents as messagingApi.FlexCarousel).contents
    : [message.contents as messagingApi.FlexBubble];
  const out: DrawnText[] = [];
  for (const bubble of bubbles) {
    for (const block of ["header", "hero", "body", "footer"] as const) {
      const part = bubble[block];
      if (part) walk(part, bubble.styles?.[block]?.backgroundColor ?? COLORS.surface, out);
    }
  }
  return out;
}

/** Texts whose contrast is below WCAG AA (4.5:1). */
export function lowContrastTexts(message: messagingApi.FlexMessage): string[] {
  return drawnTexts(message)
    .filter((d) => contrastRatio(d.fg, d.bg) < 4.5)
    .map((d) => `"${d.text}" ${d.fg} on ${d.bg}: ${contrastRatio(d.fg, d.bg).toFixed(2)}`);
}

export function bubblesOf(message: messagingApi.FlexMessage): messagingApi.FlexBubble[] {
  return message.contents.type === "carousel"
    ? (message.contents as messagingApi.FlexCarousel).contents
    : [message.contents as messagingApi.FlexBubble];
}

export function quickReplyActions(message: messagingApi.Message): messagingApi.Action[] {
  return (message.quickReply?.items ?? []).map((item) => {
    assert.ok(item.action, "quick reply item without action");
    return item.action;
  });
}

/** The readability rule of theme.ts: no "xxs" anywhere; running text is sm or larger. */
export function sizeProblems(message: messagingApi.FlexMessage): string[] {
  return drawnTexts(message)
    .filter((d) => d.kind === "text")
    .filter((d) => d.size === undefined || d.size === "xxs" || (d.text.length > SHORT_LABEL_MAX && !READABLE_TEXT_SIZES.includes(d.size)))
    .map((d) => `"${d.text.slice(0, 30)}…" has size ${d.size ?? "(LINE default)"}`);
}
