import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { findProvinceLevelTerm, routeComplaint } from "../../../src/services/complaint-routing";

// A case goes to its district, unless it accuses the district office itself.
describe("complaint routing", () => {
  test("a case with a district goes to that district", () => {
    assert.deepEqual(routeComplaint({ districtCode: "4005", what: "ผู้ใหญ่บ้านเรียกเงินค่าเซ็นรับรอง" }), { level: "district", districtCode: "4005" });
  });

  test("naming the district office or its officials sends it to the province, keeping the district for context", () => {
    for (const text of ["นายอำเภอเรียกรับเงิน", "ปลัด อำเภอ ขอค่าน้ำร้อนน้ำชา", "เจ้าหน้าที่ที่ว่าการอำเภอเก็บเงินเพิ่ม", "the District Office asked for money"]) {
      const r = routeComplaint({ districtCode: "4005", what: text });
      assert.equal(r.level, "province", text);
      assert.equal(r.districtCode, "4005");
      assert.match(r.reason ?? "", /^names_district_office:/);
    }
    assert.equal(routeComplaint({ districtCode: "4001", who: "ปลัดอำเภอฝ่ายทะเบียน", what: "เรียกเงิน" }).level, "province", "the who answer counts too");
  });

  test("a local official (ปลัด อบต.) stays at the district", () => {
    assert.equal(findProvinceLevelTerm("ปลัด อบต.บ้านเป็ดเรียกเงิน"), undefined);
    assert.equal(routeComplaint({ districtCode: "4001", what: "ปลัด อบต.บ้านเป็ดเรียกเงิน" }).level, "district");
  });

  test("no district, or an unknown code, goes to the province", () => {
    assert.deepEqual(routeComplaint({ what: "เรียกเงิน" }), { level: "province", reason: "no_district" });
    assert.equal(routeComplaint({ districtCode: "9999", what: "เรียกเงิน" }).level, "province");
  });
});
