import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { detectIntent, intentKey, type Intent } from "../../../src/intents/intent";
import { FLOW_WORDS } from "../../../src/intents/synonyms";

// Protects specific promises of issues 3 and 19: the No Gift words, Isan and typos, greetings
// as their own topic, reports stated as facts, flow words left to the flow, and asking only
// when two topics are close.
const key = (text: string) => intentKey(detectIntent(text));

describe("detectIntent", () => {
  test("'ไม่รับ ไม่ให้' and 'no gift' open the No Gift explainer (foundation behaviour)", () => {
    for (const t of ["ไม่รับ ไม่ให้", "ไม่รับไม่ให้", "no gift", "No Gift Policy", "NO-GIFT"]) {
      assert.deepEqual(detectIntent(t), { kind: "action", action: "topic.show", params: { t: "no-gift" } }, t);
    }
  });

  test("Isan questions reach the same topics as Thai ones", () => {
    assert.equal(key("คอรัปชั่น คือ หยัง"), "topic.show:what-is-corruption");
    assert.equal(key("ประชุมมื้อใด๋"), "meeting.next");
    assert.equal(key("ข่อยสิแจ้งเรื่องโกง"), "complaint.start");
    assert.equal(key("แจ้งเรื่องทุจริตเฮ็ดจั่งใด๋"), "topic.show:how-to-report");
    assert.equal(key("รับของได้บ่เกินจักบาท"), "topic.show:gift-law");
  });

  test("misspellings and abbreviations are understood", () => {
    assert.equal(key("เบอร์ ปปช"), "topic.show:how-to-report");
    assert.equal(key("สายด่วน ป.ป.ช."), "topic.show:how-to-report");
    assert.equal(key("ล้องเรียนค่ะ"), "complaint.start");
    assert.equal(key("ประกาศเจตนารมย์ค่ะ"), "pledge.start");
    assert.equal(key("คอร์รับชั่นคืออะไร"), "topic.show:what-is-corruption");
  });

  test("greetings are greetings, 'เมนู' and 'help' show the menu, and a greeting does not hide a request", () => {
    for (const t of ["สวัสดี", "หวัดดีจ้าาา", "ดีจ้า", "hello"]) assert.equal(key(t), "greeting", t);
    for (const t of ["เมนู", "help"]) assert.equal(key(t), "menu.show", t);
    assert.equal(key("สวัสดีค่ะ อยากร้องเรียน"), "complaint.start");
  });

  test("a flow's own words (เสร็จ, ข้าม, numbers, ยืนยัน) are never turned into a topic", () => {
    for (const t of [...FLOW_WORDS, "3", "12", "๕"]) assert.equal(detectIntent(t).kind, "unknown", t);
  });

  test("everyday words that only look like a topic are not guessed", () => {
    for (const t of ["แจ้งเกิดลูกที่อำเภอ", "ประกาศผลสอบวันไหน", "เตือนภัยน้ำท่วม", "ติดตามข่าว", "เบอร์ร้านพิซซ่า", "italy"]) {
      assert.notEqual(detectIntent(t).kind, "action", t);
    }
  });

  test("two close topics are asked about with 2–4 candidates; a wrongdoing stated as a fact is a report", () => {
    const both = detectIntent("อยากร้องเรียน ทำยังไง") as Extract<Intent, { kind: "ask" }>;
    assert.equal(both.kind, "ask");
    assert.deepEqual(both.candidates.map(intentKey).sort(), ["complaint.start", "topic.show:how-to-report"]);
    assert.equal(key("ผู้ใหญ่บ้านเรียกเงิน 500 บาทค่าเซ็นเอกสาร"), "complaint.report");
  });

  test("questions beat requests: asking how to report gets the explainer, wanting to report gets the form", () => {
    assert.equal(key("ร้องเรียนยังไง"), "topic.show:how-to-report");
    assert.equal(key("อยากร้องเรียน"), "complaint.start");
    assert.equal(key("ประกาศเจตนารมณ์คืออะไร"), "topic.show:pledge");
    assert.equal(key("อยากประกาศเจตนารมณ์"), "pledge.start");
    assert.equal(key("มีคนประกาศเจตนารมณ์กี่คนแล้ว"), "pledge.stats");
  });

  test("returned params are copies: changing one does not change the next answer", () => {
    const a = detectIntent("ita");
    if (a.kind === "action") a.params!.t = "changed";
    assert.deepEqual(detectIntent("ita"), { kind: "action", action: "topic.show", params: { t: "ita" } });
  });
});

describe("intentKey", () => {
  test("names explainers by topic and other actions by name", () => {
    assert.equal(intentKey({ kind: "action", action: "topic.show", params: { t: "ita" } }), "topic.show:ita");
    assert.equal(intentKey({ kind: "action", action: "meeting.next" }), "meeting.next");
    assert.equal(intentKey({ label: "x", action: "pledge.start" }), "pledge.start");
    assert.equal(intentKey({ kind: "unknown" }), "unknown");
    assert.equal(intentKey({ kind: "ask", candidates: [] }), "ask");
  });
});
