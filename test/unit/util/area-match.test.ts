import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { matchDistrict, matchTambon, placeKey, type DistrictMatch, type TambonMatch } from "../../../src/util/area-match";

// Protects how typed place names become DOPA codes, so a pledge or complaint lands in the
// right district, and so an unclear answer makes the bot ask instead of guessing.

function districtCode(input: string): string {
  const m = matchDistrict(input);
  assert.ok(m && "district" in m, `${input}: expected one district, got ${JSON.stringify(summary(m))}`);
  return m.district.code;
}

function summary(m: DistrictMatch | TambonMatch): unknown {
  if (m === null) return null;
  if ("candidates" in m) return m.candidates.map((c) => c.code);
  return "district" in m ? [m.district.code, m.score] : [m.tambon.code, m.score];
}

function candidateCodes(m: DistrictMatch | TambonMatch): string[] {
  assert.ok(m && "candidates" in m, `expected candidates, got ${JSON.stringify(summary(m))}`);
  return m.candidates.map((c) => c.code).sort();
}

describe("matchDistrict", () => {
  test("exact Thai names with and without อ./อำเภอ and spaces score 1", () => {
    for (const input of ["ชุมแพ", "อ.ชุมแพ", "อ. ชุมแพ", "อำเภอชุมแพ", "อำเภอ ชุมแพ", " ชุม แพ ", "อ ชุมแพ", "อำเภอชุมแพ จ.ขอนแก่น", "ชุมแพค่ะ"]) {
      assert.deepEqual(summary(matchDistrict(input)), ["4005", 1], input);
    }
  });

  test("every district matches its own Thai and English name exactly", () => {
    const checked = new Set<string>();
    for (const [th, en, code] of [
      ["เมืองขอนแก่น", "Mueang Khon Kaen", "4001"], ["บ้านฝาง", "Ban Fang", "4002"], ["พระยืน", "Phra Yuen", "4003"],
      ["หนองเรือ", "Nong Ruea", "4004"], ["สีชมพู", "Si Chomphu", "4006"], ["น้ำพอง", "Nam Phong", "4007"],
      ["อุบลรัตน์", "Ubolratana", "4008"], ["กระนวน", "Kranuan", "4009"], ["บ้านไผ่", "Ban Phai", "4010"],
      ["เปือยน้อย", "Pueai Noi", "4011"], ["พล", "Phon", "4012"], ["แวงใหญ่", "Waeng Yai", "4013"],
      ["แวงน้อย", "Waeng Noi", "4014"], ["หนองสองห้อง", "Nong Song Hong", "4015"], ["ภูเวียง", "Phu Wiang", "4016"],
      ["มัญจาคีรี", "Mancha Khiri", "4017"], ["ชนบท", "Chonnabot", "4018"], ["เขาสวนกวาง", "Khao Suan Kwang", "4019"],
      ["ภูผาม่าน", "Phu Pha Man", "4020"], ["ซำสูง", "Sam Sung", "4021"], ["โคกโพธิ์ไชย", "Khok Pho Chai", "4022"],
      ["หนองนาคำ", "Nong Na Kham", "4023"], ["บ้านแฮด", "Ban Haet", "4024"], ["โนนศิลา", "Non Sila", "4025"],
      ["เวียงเก่า", "Wiang Kao", "4029"],
    ]) {
      assert.deepEqual(summary(matchDistrict(th)), [code, 1], th);
      assert.deepEqual(summary(matchDistrict(en)), [code, 1], en);
      checked.add(code);
    }
    assert.equal(checked.size, 25); // all but 4005, covered above
  });

  test("เมือง alone, อ.เมือง and Muang/Mueang mean Mueang Khon Kaen", () => {
    for (const input of ["เมือง", "อ.เมือง", "อำเภอเมือง", "Muang", "mueang", "MUANG KHON KAEN", "Amphoe Mueang Khon Kaen", "Mueang Khon Kaen district"]) {
      assert.deepEqual(summary(matchDistrict(input)), ["4001", 1], input);
    }
  });

  test("spelling variants: ไชย/ชัย, ศรี/สี, Phu Phaman, Ubon Rat", () => {
    assert.deepEqual(summary(matchDistrict("โคกโพธิ์ชัย")), ["4022", 1]);
    assert.deepEqual(summary(matchDistrict("อ.โคกโพธิ์ชัย")), ["4022", 1]);
    assert.deepEqual(summary(matchDistrict("ศรีชมพู")), ["4006", 1]);
    assert.deepEqual(summary(matchDistrict("Phu Phaman")), ["4020", 1]);
    assert.deepEqual(summary(matchDistrict("ubon rat")), ["4008", 1]);
    assert.equal(placeKey("Khok Pho-Chai "), "khokphochai");
    assert.equal(placeKey("โคกโพธิ์ไชย"), placeKey("โคกโพธิ์ชัย"));
  });

  test("English names are case- and space-insensitive", () => {
    assert.equal(districtCode("NAM PHONG"), "4007");
    assert.equal(districtCode("namphong"), "4007");
    assert.equal(districtCode("khao suan kwang"), "4019");
  });

  test("small typos match with a score below 1", () => {
    const typos: [string, string][] = [
      ["ชุมแผ", "4005"], // ผ for พ
      ["หนองเรีอ", "4004"], // ี for ื
      ["หนองสองหอ้ง", "4015"], // swapped tone mark and consonant
      ["มัญจาคิรี", "4017"], // ิ for ี
      ["บ้านแฮท", "4024"],
      ["บ้านไผ", "4010"], // tone mark forgotten
      ["chonabot", "4018"],
      ["nam pong", "4007"],
      ["mancha kiri", "4017"],
    ];
    for (const [input, code] of typos) {
      const m = matchDistrict(input);
      assert.ok(m && "district" in m, input);
      assert.equal(m.district.code, code, input);
      assert.ok(m.score < 1 && m.score > 0.5, `${input} score ${m.score}`);
    }
  });

  test("short input gets no typo allowance", () => {
    assert.equal(matchDistrict("พน"), null); // not พล
    assert.equal(matchDistrict("pon"), null);
  });

  test("part of a name matches when only one district has it", () => {
    assert.equal(districtCode("ขอนแก่น"), "4001");
    assert.equal(districtCode("khon kaen"), "4001");
    assert.equal(districtCode("ฝาง"), "4002");
    assert.equal(districtCode("โคกโพธิ"), "4022");
    const m = matchDistrict("ฝาง");
    assert.ok(m && "district" in m && m.score < 1);
  });

  test("ambiguous input returns candidates in Thai order, for 'คุณหมายถึง…'", () => {
    const m = matchDistrict("บ้าน");
    assert.ok(m && "candidates" in m);
    assert.deepEqual(m.candidates.map((d) => d.nameTh), ["บ้านไผ่", "บ้านฝาง", "บ้านแฮด"]);
    assert.deepEqual(candidateCodes(matchDistrict("แวง")), ["4013", "4014"]);
    assert.deepEqual(candidateCodes(matchDistrict("หนอง")), ["4004", "4015", "4023"]);
    assert.deepEqual(candidateCodes(matchDistrict("อ.ภู")), ["4016", "4020"]);
    // Latin prefers names that start with the input: not Si Chomphu.
    assert.deepEqual(candidateCodes(matchDistrict("phu")), ["4016", "4020"]);
    // A name that starts with the input beats one that only contains it; the score asks to confirm.
    const wiang = matchDistrict("เวียง");
    assert.ok(wiang && "district" in wiang && wiang.district.code === "4029" && wiang.score < 1);
    assert.deepEqual(candidateCodes(matchDistrict("วียง")), ["4016", "4029"]);
  });

  test("a district name inside a longer reply is found", () => {
    assert.equal(districtCode("ผมอยู่ชุมแพครับ"), "4005");
    assert.equal(districtCode("อยู่บ้านไผ่ค่ะ"), "4010");
    assert.equal(districtCode("อยู่ที่อำเภอน้ำพอง"), "4007");
  });

  test("unknown places and empty input give null", () => {
    for (const input of ["", "   ", "กรุงเทพ", "xyz", "ITA", "อ.", "อำเภอ", "เชียงใหม่"]) {
      assert.equal(matchDistrict(input), null, input);
    }
  });
});

describe("matchTambon", () => {
  test("exact names with ต./ตำบล, and with the district part after it", () => {
    for (const input of ["ในเมือง", "ต.ในเมือง", "ตำบล ในเมือง", "ต ในเมือง", "ต.ในเมือง อ.เมือง จ.ขอนแก่น", "ในเมืองค่ะ", "Nai Mueang", "nai muang", "Tambon Nai Mueang"]) {
      assert.deepEqual(summary(matchTambon("4001", input)), ["400101", 1], input);
    }
  });

  test("the same tambon name resolves within the given district", () => {
    assert.deepEqual(summary(matchTambon("4010", "ในเมือง")), ["401002", 1]);
    assert.deepEqual(summary(matchTambon("4029", "ในเมือง")), ["402901", 1]);
    assert.deepEqual(summary(matchTambon("4029", "เขาน้อย")), ["402903", 1]);
    assert.equal(matchTambon("4016", "เขาน้อย"), null); // the stale 401608 is gone
  });

  test("variants, typos and parts", () => {
    assert.deepEqual(summary(matchTambon("4022", "โพธิ์ชัย")), ["402202", 1]);
    const typo = matchTambon("4001", "ดอนฮัน");
    assert.ok(typo && "tambon" in typo);
    assert.equal(typo.tambon.code, "400113");
    assert.ok(typo.score < 1);
    assert.deepEqual(summary(matchTambon("4001", "สาวะถี")), ["400108", 1]);
    assert.deepEqual(candidateCodes(matchTambon("4001", "บ้าน")), ["400105", "400109", "400110", "400115"]);
    assert.deepEqual(candidateCodes(matchTambon("4001", "ดอน")), ["400112", "400113"]);
  });

  test("unknown district or tambon gives null", () => {
    assert.equal(matchTambon("4099", "ในเมือง"), null);
    assert.equal(matchTambon("4001", "สีลม"), null);
    assert.equal(matchTambon("4001", ""), null);
  });
});
