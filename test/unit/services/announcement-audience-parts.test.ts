import assert from "node:assert/strict";
import { test } from "node:test";
import { getDistrict, listDistricts } from "../../../src/content/areas/areas";
import { areaParts } from "../../../src/services/announcement-audience-parts";

const tambonsIn = (parts: Record<string, unknown>[]) =>
  parts.flatMap((p) => {
    const t = p["village.tambonCode"];
    if (typeof t === "string" && !("village.villageNo" in p)) return [t];
    return t && typeof t === "object" && "$in" in t ? (t.$in as string[]) : [];
  });

test("a province-wide audience: every tambon once, in small parts, then everyone in no tambon of the province", () => {
  const all = listDistricts().flatMap((d) => d.tambons.map((t) => t.code));
  const parts = areaParts({ province: true, districts: [], tambons: [], villages: [] }, 4);
  assert.deepEqual(tambonsIn(parts).sort(), [...all].sort());
  assert.equal(new Set(tambonsIn(parts)).size, all.length, "no tambon in two parts");
  assert.equal(tambonsIn([parts[0]!]).length, 1, "the first part is one tambon: the first multicast waits for little");
  assert.ok(parts.slice(0, -1).every((p) => tambonsIn([p]).length <= 4));
  assert.deepEqual(parts.at(-1), { "village.tambonCode": { $nin: all } });
});

test("districts become their tambons; chosen tambons and villages inside them are not read twice; other villages make one part", () => {
  const d = getDistrict("4001")!;
  const inside = d.tambons[0]!.code;
  const parts = areaParts({ province: false, districts: ["4001"], tambons: [inside, "400201"], villages: [`${inside}-5`, "400202-3", "400203-1"] }, 4);
  const tambons = tambonsIn(parts);
  assert.deepEqual([...tambons].sort(), [...d.tambons.map((t) => t.code), "400201"].sort());
  assert.equal(new Set(tambons).size, tambons.length);
  assert.deepEqual(parts.at(-1), { $or: [{ "village.tambonCode": "400202", "village.villageNo": 3 }, { "village.tambonCode": "400203", "village.villageNo": 1 }] });
  assert.deepEqual(areaParts({ province: false, districts: [], tambons: [], villages: ["400202-3"] }), [{ "village.tambonCode": "400202", "village.villageNo": 3 }]);
});
