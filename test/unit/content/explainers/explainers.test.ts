import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { EXPLAINERS, TOPIC_IDS, getExplainer, isTopicId, type Explainer } from "../../../../src/content/explainers";

// Protects the explainer texts: every topic exists, is sourced, dated, non-empty,
// polite, phone-sized, links only to real topics, and keeps the checked facts.

const THAI = /[\u0E00-\u0E7F]/;
const ACTION = /^a=[a-z]+(?:-[a-z]+)*\.[a-z][a-zA-Z]*(?:&|$)/;

function allText(e: Explainer): string {
  return [
    e.title,
    e.summary,
    ...e.sections.flatMap((s) => [s.heading ?? "", s.body]),
    ...e.sources.flatMap((s) => [s.label, s.detail ?? ""]),
    ...(e.actions ?? []).map((a) => a.label),
  ].join("\n");
}

function mustGet(id: string): Explainer {
  const e = getExplainer(id);
  assert.ok(e, `explainer ${id} is missing`);
  return e;
}

describe("explainer catalogue", () => {
  test("has exactly one explainer per topic id", () => {
    assert.deepEqual([...EXPLAINERS.map((e) => e.id)].sort(), [...TOPIC_IDS].sort());
  });

  test("getExplainer finds each topic and returns undefined for an unknown id", () => {
    for (const id of TOPIC_IDS) assert.equal(getExplainer(id)?.id, id);
    assert.equal(getExplainer("no-such-topic"), undefined);
    assert.equal(isTopicId("ita"), true);
    assert.equal(isTopicId("ITA"), false);
  });
});

for (const e of EXPLAINERS) {
  describe(`explainer ${e.id}`, () => {
    test("is in Thai with no empty text", () => {
      assert.match(e.title, THAI);
      assert.match(e.summary, THAI);
      assert.ok(e.sections.length >= 1, "no sections");
      for (const s of e.sections) {
        assert.ok(s.body.trim().length > 0, "empty section body");
        if (s.heading !== undefined) assert.ok(s.heading.trim().length > 0, "empty heading");
        assert.match(s.body, THAI);
      }
      for (const a of e.actions ?? []) assert.ok(a.label.trim().length > 0, "empty action label");
    });

    test("has at least one source, each with a label", () => {
      assert.ok(e.sources.length >= 1);
      for (const s of e.sources) {
        assert.ok(s.label.trim().length > 0, "empty source label");
        if (s.detail !== undefined) assert.ok(s.detail.trim().length > 0, "empty source detail");
      }
    });

    test("lastReviewed is a real ISO calendar date", () => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.lastReviewed);
      assert.ok(m, `lastReviewed "${e.lastReviewed}" is not YYYY-MM-DD`);
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      assert.equal(d.toISOString().slice(0, 10), e.lastReviewed);
    });

    test("follow-ups point to other, existing topics without repeats", () => {
      assert.ok(e.followUps.length >= 1);
      assert.equal(new Set(e.followUps).size, e.followUps.length);
      for (const id of e.followUps) {
        assert.ok(getExplainer(id), `follow-up ${id} does not exist`);
        assert.notEqual(id, e.id, "follows up to itself");
      }
    });

    test("actions are router postbacks within LINE's 300-character cap", () => {
      for (const a of e.actions ?? []) {
        assert.match(a.postback, ACTION);
        assert.ok(a.postback.length <= 300);
      }
    });

    test("fits a phone: short titles, menu line and paragraphs", () => {
      assert.ok((e.shortTitle ?? e.title).length <= 20, "quick-reply label would be truncated: add shortTitle");
      assert.ok(e.title.length <= 40, "title too long for a header");
      assert.ok(e.summary.length <= 60, "summary is more than one line");
      assert.ok(!e.summary.includes("\n"));
      for (const s of e.sections) assert.ok(s.body.length <= 600, `section "${s.heading}" is too long for a phone`);
    });

    test("speaks politely with ค่ะ, never ครับ", () => {
      assert.doesNotMatch(allText(e), /ครับ/);
    });
  });
}

describe("checked facts", () => {
  test("how-to-report lists the three hotlines and the bot's own flow", () => {
    const e = mustGet("how-to-report");
    const text = allText(e);
    for (const hotline of ["1205", "1206", "1567"]) assert.ok(text.includes(hotline), `missing hotline ${hotline}`);
    assert.ok(text.includes("ศูนย์ดำรงธรรม"));
    assert.ok(e.actions?.some((a) => a.postback === "a=complaint.start"));
    // False reports: only a secondary source, so the wording stays "may".
    assert.ok(text.includes("อาจมีความผิดตามกฎหมาย"));
  });

  test("ita quotes Khon Kaen's target in the article's own words", () => {
    const text = allText(mustGet("ita"));
    assert.ok(text.includes("ไม่น้อยกว่าร้อยละ 80"));
    assert.ok(text.includes("85"), "national pass mark missing");
    assert.doesNotMatch(text, /80 คะแนน|คะแนน(ไม่น้อยกว่า|อย่างน้อย) ?80/, "reinterprets the 80% target as a score");
  });

  test("gift-law carries the 3,000 baht, 30 days, penalty and 2-year rules with section 128", () => {
    const e = mustGet("gift-law");
    const text = allText(e);
    for (const fact of ["3,000 บาท", "30 วัน", "3 ปี", "60,000 บาท", "2 ปี", "No Gift Policy"]) {
      assert.ok(text.includes(fact), `missing "${fact}"`);
    }
    assert.ok(e.sources.some((s) => s.label.includes("พ.ศ. 2561 มาตรา 128")));
    assert.ok(e.sources.some((s) => s.label.includes("ป.ป.ช.") && s.label.includes("2563")));
  });

  test("anti-corruption-day names 9 December, UNCAC, resolution 58/4 and Khon Kaen's 26 districts", () => {
    const text = allText(mustGet("anti-corruption-day"));
    for (const fact of ["9 ธันวาคม", "UNCAC", "58/4", "26 อำเภอ", "2564"]) assert.ok(text.includes(fact), `missing "${fact}"`);
  });

  test("no-gift binds every state official and tells villagers they never need to pay", () => {
    const e = mustGet("no-gift");
    const text = allText(e);
    assert.ok(text.includes("เจ้าหน้าที่ของรัฐทุกคน"));
    assert.ok(text.includes("ไม่ต้องให้เงิน"));
    assert.ok(e.sources.some((s) => s.label.includes("8 ธ.ค. 2563")));
    assert.deepEqual(e.actions?.map((a) => a.postback), ["a=pledge.start", "a=complaint.start"]);
  });

  test("pledge starts the pledge flow and mentions headmen at village meetings", () => {
    const e = mustGet("pledge");
    assert.ok(e.actions?.some((a) => a.postback === "a=pledge.start"));
    assert.ok(allText(e).includes("ผู้ใหญ่บ้าน"));
  });

  test("privacy says what is stored and how to delete it", () => {
    const e = mustGet("privacy");
    const text = allText(e);
    for (const fact of ["รหัสผู้ใช้ LINE", "เข้ารหัส", "ไม่ระบุชื่อ", "ลบข้อมูลของฉัน"]) assert.ok(text.includes(fact), `missing "${fact}"`);
    assert.ok(e.actions?.some((a) => a.postback === "a=privacy.delete"));
  });

  test("what-is-corruption gives village-level examples", () => {
    const text = allText(mustGet("what-is-corruption"));
    for (const example of ["ใบอนุญาต", "ฮั้ว", "เงินทอน", "กองทุนหมู่บ้าน", "ผลประโยชน์ทับซ้อน"]) {
      assert.ok(text.includes(example), `missing example "${example}"`);
    }
  });
});
