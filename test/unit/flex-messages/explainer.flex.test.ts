import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { messagingApi } from "@line/bot-sdk";
import { EXPLAINERS, getExplainer, type Explainer } from "../../../src/content/explainers";
import { explainerFlex } from "../../../flex-messages/explainer.flex";
import {
  assertAcceptedByLine,
  testCheckedMessagesAgainstSpec,
  bubblesOf,
  drawnTexts,
  lowContrastTexts,
  quickReplyActions,
  sizeProblems,
} from "./flex-checks";

// Protects the explainer bubble for every topic: LINE accepts it, it shows the
// sources with the BE review date, its buttons and quick replies lead where the
// content says, and it stays readable (contrast, sizes).

function footerButtons(m: messagingApi.FlexMessage): messagingApi.FlexButton[] {
  const footer = bubblesOf(m)[0].footer;
  return (footer?.contents ?? []).filter((c): c is messagingApi.FlexButton => c.type === "button");
}

for (const e of EXPLAINERS) {
  describe(`explainerFlex(${e.id})`, () => {
    const m = explainerFlex(e);

    test("is accepted by LINE's schema and documented limits", () => {
      assertAcceptedByLine(m);
    });

    test("is one bubble with a meaningful Thai altText", () => {
      assert.equal(m.contents.type, "bubble");
      assert.ok(m.altText.includes(e.title));
      assert.ok(m.altText.includes(e.summary));
      assert.ok(m.altText.length <= 1500);
    });

    test("shows the title, every section and the source line with the BE review date", () => {
      const texts = drawnTexts(m).map((d) => d.text);
      assert.ok(texts.includes(e.title));
      for (const s of e.sections) {
        assert.ok(texts.includes(s.body), `section body missing: ${s.body.slice(0, 20)}`);
        if (s.heading) assert.ok(texts.includes(s.heading));
      }
      const source = texts.find((t) => t.startsWith("ที่มา: "));
      assert.ok(source, "no source line");
      for (const s of e.sources) assert.ok(source.includes(s.label), `source ${s.label} missing`);
      assert.ok(source.endsWith("(ทบทวนล่าสุด 26 พ.ย. 2569)"), source);
    });

    test("offers its actions as buttons, the first one primary", () => {
      const buttons = footerButtons(m);
      assert.deepEqual(
        buttons.map((b) => (b.action as messagingApi.PostbackAction).data),
        (e.actions ?? []).map((a) => a.postback),
      );
      if (buttons.length > 0) assert.equal(buttons[0].style, "primary");
      assert.ok(buttons.slice(1).every((b) => b.style === "secondary"));
    });

    test("offers the follow-up topics, then เมนู, as at most 13 quick replies", () => {
      const actions = quickReplyActions(m);
      assert.ok(actions.length <= 13);
      const topics = actions.slice(0, -1) as messagingApi.PostbackAction[];
      assert.deepEqual(
        topics.map((a) => a.data),
        e.followUps.map((id) => `a=topic.show&t=${id}`),
      );
      assert.deepEqual(
        topics.map((a) => a.displayText),
        e.followUps.map((id) => getExplainer(id)?.title),
      );
      for (const a of actions) assert.ok((a.label ?? "").length <= 20, `label too long: ${a.label}`);
      assert.deepEqual(actions.at(-1), { type: "message", label: "เมนู", text: "เมนู" });
    });

    test("is readable: AA contrast and no tiny running text", () => {
      assert.deepEqual(lowContrastTexts(m), []);
      assert.deepEqual(sizeProblems(m), []);
    });
  });
}

describe("explainerFlex options", () => {
  const e = EXPLAINERS[0];

  test("sourceLine:false leaves the source line out", () => {
    const m = explainerFlex(e, { sourceLine: false });
    assert.ok(!drawnTexts(m).some((d) => d.text.startsWith("ที่มา:")));
  });

  test("formatDate replaces the default BE formatter", () => {
    const m = explainerFlex(e, { formatDate: (d) => d.toISOString().slice(0, 10) });
    const source = drawnTexts(m).find((d) => d.text.startsWith("ที่มา:"));
    assert.ok(source?.text.endsWith(`(ทบทวนล่าสุด ${e.lastReviewed})`), source?.text);
  });

  test("an explainer without actions has no footer, and a bad review date is refused", () => {
    const bare: Explainer = { ...e, actions: undefined };
    assert.equal(bubblesOf(explainerFlex(bare))[0].footer, undefined);
    assert.throws(() => explainerFlex({ ...e, lastReviewed: "26/11/2569" }), /2026-11-26/);
  });
});

testCheckedMessagesAgainstSpec();
