import { getDistrict, listDistricts, type District, type Tambon } from "../content/areas/areas";
import { editDistance } from "./edit-distance";
import { normalizeThai, stripPoliteTail } from "./thai-text";

// Matches a typed district or tambon name to the DOPA list, in this order:
// exact name or variant → small typo → part of one name → a name inside a longer reply.
// A score below 1 means the bot should confirm ("คุณหมายถึง … ใช่ไหมคะ"). Candidates mean
// it should ask which one.

export type DistrictMatch = { district: District; score: number } | { candidates: District[] } | null;
export type TambonMatch = { tambon: Tambon; score: number } | { candidates: Tambon[] } | null;

interface Entry<T> {
  item: T;
  /** Comparable forms of every accepted name. */
  keys: string[];
  /** Keys that may be found inside a longer reply: not a short alias such as "เมือง". */
  embeddable: string[];
}
type CoreMatch<T> = { item: T; score: number } | { candidates: T[] } | null;

const DISTRICT_PREFIX = /^(?:อยู่\s*(?:ที่)?\s*)?(?:อำเภอ|อ\.|อ\s+|amphoe\s+|amphur\s+|district\s+)\s*/;
const DISTRICT_SUFFIX = /\s*(?:(?:จ\.|จังหวัด)\s*ขอนแก่น|district|amphoe)$/;
const TAMBON_PREFIX = /^(?:อยู่\s*(?:ที่)?\s*)?(?:ตำบล|ต\.|ต\s+|tambon\s+|t\.|sub-?district\s+)\s*/;
/** "ต.ในเมือง อ.เมือง จ.ขอนแก่น": the district part after a tambon is not part of its name. */
const TAMBON_SUFFIX = /\s*(?:อำเภอ|อ\.|จ\.|จังหวัด|subdistrict|tambon).*$/;

/**
 * Comparable form of a place name: normalized, without spaces or dots, with spelling variants
 * folded: ไชย/ชัย (โคกโพธิ์ไชย is spelled โคกโพธิ์ชัย by nectec), ศรี/สี (ศรีชมพู for สีชมพู),
 * and Muang/Mueang (thai.md section 1).
 */
export function placeKey(s: string): string {
  return normalizeThai(s)
    .replace(/[\s.\-'’]/g, "")
    .replace(/ไชย/g, "ชัย")
    .replace(/ศรี/g, "สี")
    .replace(/muang/g, "mueang");
}

function buildEntry<T>(item: T, names: string[]): Entry<T> {
  const keys = [...new Set(names.map(placeKey).filter(Boolean))];
  const embeddable = keys.filter((k) => k.length >= 3 && !keys.some((o) => o !== k && o.includes(k)));
  return { item, keys, embeddable };
}

/** Typo budget in code units: none for very short input, 1 up to 7 units, then 2. */
function typoLimit(key: string): number {
  return key.length <= 3 ? 0 : key.length <= 7 ? 1 : 2;
}

function pick<T>(hits: Map<T, number>): CoreMatch<T> {
  if (hits.size === 0) return null;
  if (hits.size > 1) return { candidates: [...hits.keys()] };
  const [[item, score]] = hits;
  return { item, score: Math.round(score * 100) / 100 };
}

function matchEntries<T>(entries: Entry<T>[], key: string): CoreMatch<T> {
  if (!key) return null;
  const exact = new Map(entries.filter((e) => e.keys.includes(key)).map((e) => [e.item, 1]));
  if (exact.size > 0) return pick(exact);

  const limit = typoLimit(key);
  if (limit > 0) {
    const fuzzy = new Map<T, number>();
    let best = limit + 1;
    for (const e of entries) {
      for (const k of e.keys) {
        const d = editDistance(key, k, limit);
        if (d > limit || d > best) continue;
        if (d < best) fuzzy.clear();
        best = d;
        fuzzy.set(e.item, Math.max(fuzzy.get(e.item) ?? 0, 1 - d / Math.max(key.length, k.length)));
      }
    }
    if (fuzzy.size > 0) return pick(fuzzy);
  }

  if (key.length >= (/[a-z]/.test(key) ? 3 : 2)) {
    // Names that start with the input first: "phu" is Phu Wiang or Phu Pha Man, not Si Chomphu.
    for (const fits of [(k: string) => k.startsWith(key), (k: string) => k.includes(key)]) {
      const part = new Map<T, number>();
      for (const e of entries) {
        const k = e.keys.find(fits);
        if (k) part.set(e.item, key.length / k.length);
      }
      if (part.size > 0) return pick(part);
    }
  }

  // The longest name found inside the reply wins ("ผมอยู่ชุมแพ" → ชุมแพ).
  const inside = new Map<T, number>();
  let longest = 0;
  for (const e of entries) {
    for (const k of e.embeddable) {
      if (!key.includes(k) || k.length < longest) continue;
      if (k.length > longest) inside.clear();
      longest = k.length;
      inside.set(e.item, k.length / key.length);
    }
  }
  return pick(inside);
}

const collator = new Intl.Collator("th");
const sortByThaiName = <T extends { nameTh: string }>(xs: T[]): T[] =>
  xs.sort((a, b) => collator.compare(a.nameTh, b.nameTh));

const districtEntries = listDistricts().map((d) => buildEntry(d, [d.nameTh, d.nameEn, ...d.variants]));
const tambonEntries = new Map<string, Entry<Tambon>[]>();

function cleanInput(input: string, prefix: RegExp, suffix: RegExp): string {
  return placeKey(stripPoliteTail(normalizeThai(input)).replace(prefix, "").replace(suffix, ""));
}

/** Which of the 26 districts the user means: "อ.เมือง", "โคกโพธิ์ชัย", "Muang", "ชุมแผ" … */
export function matchDistrict(input: string): DistrictMatch {
  const m = matchEntries(districtEntries, cleanInput(input, DISTRICT_PREFIX, DISTRICT_SUFFIX));
  if (m === null) return null;
  return "item" in m ? { district: m.item, score: m.score } : { candidates: sortByThaiName(m.candidates) };
}

/** Which tambon of the given district the user means. Null also for an unknown district code. */
export function matchTambon(districtCode: string, input: string): TambonMatch {
  const district = getDistrict(districtCode);
  if (!district) return null;
  let entries = tambonEntries.get(districtCode);
  if (!entries) {
    entries = district.tambons.map((t) => buildEntry(t, [t.nameTh, t.nameEn]));
    tambonEntries.set(districtCode, entries);
  }
  const m = matchEntries(entries, cleanInput(input, TAMBON_PREFIX, TAMBON_SUFFIX));
  if (m === null) return null;
  return "item" in m ? { tambon: m.item, score: m.score } : { candidates: sortByThaiName(m.candidates) };
}
