import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { caseDigestFlex, expediteAlertFlex, newCaseAlertFlex, reporterEscalationMessage } from "../../../flex-messages/case-alert.flex";
import { SKIP_WITHOUT_SPEC, assertAcceptedByLine, lowContrastTexts } from "./flex-checks";

// The case-clock messages are valid for LINE and carry only what they should.
const data = { trackingCode: "KK-ABC-DEF-GHJ", category: "เรียกรับเงิน สินบน หรือของขวัญ", area: "ต.ในเมือง อ.เมืองขอนแก่น", due: "ภายใน 9 ธันวาคม 2569", caseUrl: "https://sujarit.example/officer/complaints/0123456789abcdef01234567" };

describe("case alert messages", { skip: SKIP_WITHOUT_SPEC }, () => {
  test("new case, ขอเร่งรัด and the reporter's notice are accepted by LINE's schema and limits, with readable contrast", () => {
    for (const m of [newCaseAlertFlex(data), expediteAlertFlex(data)]) {
      assertAcceptedByLine(m);
      assert.deepEqual(lowContrastTexts(m), []);
    }
    const notice = reporterEscalationMessage("KK-ABC-DEF-GHJ", "0123456789abcdef01234567");
    assertAcceptedByLine(notice);
    assert.match(notice.text, /ท่าน/);
    assert.equal(notice.text.includes("คุณ"), false);
    assert.deepEqual(notice.quickReply?.items?.map((i) => i.action?.label), ["ขอเร่งรัด", "ดูความคืบหน้า"]);
  });

  test("the digest lists ten cases and says how many more", () => {
    const items = Array.from({ length: 14 }, (_, i) => ({ trackingCode: `KK-AAA-AAA-A${String(i).padStart(2, "2")}`, area: "เรียกรับเงิน · ต.ในเมือง", state: "เกินกำหนด 2 วันทำการ" }));
    const m = caseDigestFlex({ day: "9 ธันวาคม 2569", overdue: 14, dueToday: 0, items, queueUrl: "https://sujarit.example/officer/queue" });
    assertAcceptedByLine(m);
    const json = JSON.stringify(m);
    assert.match(json, /และอีก 4 เรื่อง/);
    assert.equal((json.match(/KK-AAA-AAA-A/g) ?? []).length, 10);
  });

  test("a link that is not http(s) is refused", () => {
    assert.throws(() => newCaseAlertFlex({ ...data, caseUrl: "javascript:alert(1)" }));
  });
});
