import { listDistricts } from "../content/areas/areas";

// Thai text clean-up for matching what people type in LINE chats. Nothing here is shown to
// users as-is: normalized text is for comparing, not for display.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const THAI_DIGIT = /[\u0E50-\u0E59]/g;
/** Tone marks ่ ้ ๊ ๋: only one may sit on a consonant. */
const TONE_RUN = /([\u0E48-\u0E4B])[\u0E48-\u0E4B]+/g;
/** Any Thai letter, vowel or sign (digits are converted before this is used). */
const THAI_CHAR = "\\u0E01-\\u0E4F";
/** The same Thai character three or more times never happens in spelling: it is emphasis.
 * It shrinks to one, or to two for the letters that end words doubled (SPELLED_DOUBLES). */
const TRIPLE_RUN = new RegExp(`([${THAI_CHAR}])\\1{2,}`, "gu");
/**
 * Doubled at the end of a Thai run ("ค่าา", "นะะ", "ครับบ") is emphasis too. Not before a
 * dot, where it is an abbreviation (กก. = kilogram), and not นน, รร or งง, which end real
 * words (ถนน, คะแนน, สรร, งง).
 */
const TRAILING_DOUBLE = new RegExp(`([${THAI_CHAR}])\\1(?![${THAI_CHAR}.])`, "gu");
const SPELLED_DOUBLES = new Set(["น", "ร", "ง"]);

/**
 * Normal form for comparing Thai chat text: NFC, no zero-width characters, Thai digits as
 * 0-9, lower-case Latin, single spaces, one tone mark per consonant, and emphasis repeats
 * ("ค่าาาา") collapsed. Repeated digits such as "555+" (laughter) are left alone.
 */
export function normalizeThai(s: string): string {
  return s
    .normalize("NFC")
    .replace(ZERO_WIDTH, "")
    .replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50))
    .toLowerCase()
    .replace(TONE_RUN, "$1")
    .replace(TRIPLE_RUN, (_run, ch: string) => (SPELLED_DOUBLES.has(ch) ? ch + ch : ch))
    .replace(TRAILING_DOUBLE, (run, ch: string) => (SPELLED_DOUBLES.has(ch) ? run : ch))
    .replace(/\s+/g, " ")
    .trim();
}

// ---- Word segmentation -------------------------------------------------------------------

/**
 * Terms kept whole by segmentThai. ICU splits or glues them badly (ป.ป.ช|., อบต.เรียก,
 * ร้อง|เรียน, ของ|ขวัญ, ผู้ใหญ่|บ้าน: shared/reference/thai.md section 6). The intent module
 * extends this list by passing its own: segmentThai(s, [...DEFAULT_PROTECTED_TERMS, ...mine]).
 */
export const DEFAULT_PROTECTED_TERMS: readonly string[] = Object.freeze([
  "ป.ป.ช.", "ป.ป.ช", "ป.ป.ท.", "ป.ป.ท", "ปปช", "ปปท", "สตง.", "สตง", "อบต.", "อบต", "อบจ.", "อบจ",
  "ITA", "No Gift Policy", "ไม่รับไม่ให้", "ไม่รับ-ไม่ให้", "ร้องเรียน", "ของขวัญ", "ผู้ใหญ่บ้าน",
  "กำนัน", "ศูนย์ดำรงธรรม",
  ...listDistricts().map((d) => d.nameTh),
  ...listDistricts().flatMap((d) => d.variants.filter((v) => /^[\u0E00-\u0E7F]{6,}$/.test(v))),
]);

/** Terms shorter than this must also start and end on an ICU word boundary ("พล" ≠ พลเมือง). */
const SHORT_TERM = 5;
const THAI_RUN = /[\u0E00-\u0E7F]/;
const LATIN = /[a-z]/;
/** Following vowels and marks that belong to the consonant before them. */
const ATTACHED = /[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;
/** Leading vowels เ แ โ ใ ไ that belong to the consonant after them. */
const LEADING = /[\u0E40-\u0E44]/;
const words = new Intl.Segmenter("th", { granularity: "word" });

interface CompiledTerms {
  byFirstChar: Map<string, string[]>;
}
const compiledCache = new WeakMap<readonly string[], CompiledTerms>();

function compileTerms(terms: readonly string[]): CompiledTerms {
  let compiled = compiledCache.get(terms);
  if (compiled) return compiled;
  const byFirstChar = new Map<string, string[]>();
  for (const term of new Set(terms.map(normalizeThai).filter(Boolean))) {
    const list = byFirstChar.get(term[0]) ?? [];
    list.push(term);
    byFirstChar.set(term[0], list);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.length - a.length); // longest first
  compiled = { byFirstChar };
  compiledCache.set(terms, compiled);
  return compiled;
}

/** Spaces between Thai, digits and Latin, which ICU glues ("ธรรม1567", "1205หรือ"). */
function splitScripts(s: string): string {
  return s
    .replace(/([\u0E00-\u0E7F])(?=[0-9a-z])/g, "$1 ")
    .replace(/([0-9a-z])(?=[\u0E00-\u0E7F])/g, "$1 ");
}

function termFitsAt(text: string, start: number, term: string, boundaries: Set<number>): boolean {
  const end = start + term.length;
  if (LATIN.test(term[0]) || LATIN.test(term[term.length - 1])) {
    // Latin terms need word edges: "ita" is not inside "italy".
    return !LATIN.test(text[start - 1] ?? "") && !LATIN.test(text[end] ?? "");
  }
  if (LEADING.test(text[start - 1] ?? "") || ATTACHED.test(text[end] ?? "")) return false;
  if (term.length >= SHORT_TERM) return true;
  const startOk = start === 0 || boundaries.has(start) || !THAI_RUN.test(text[start - 1]);
  const endOk = term.endsWith(".") || end === text.length || boundaries.has(end) || !THAI_RUN.test(text[end]);
  return startOk && endOk;
}

function icuWords(s: string): string[] {
  return [...words.segment(s)].map((x) => x.segment);
}

/**
 * Words of a chat message, for keyword spotting. The text is normalized first (normalizeThai),
 * so Latin comes back lower-case. Protected terms are kept whole by longest match, the rest
 * goes to Intl.Segmenter (ICU's Thai dictionary), and whitespace and punctuation are dropped.
 */
export function segmentThai(s: string, protectedTerms: readonly string[] = DEFAULT_PROTECTED_TERMS): string[] {
  const text = splitScripts(normalizeThai(s));
  const { byFirstChar } = compileTerms(protectedTerms);
  const boundaries = new Set([...words.segment(text)].map((x) => x.index));
  const out: string[] = [];
  let pending = 0;
  for (let i = 0; i < text.length; ) {
    const term = byFirstChar.get(text[i])?.find((t) => text.startsWith(t, i) && termFitsAt(text, i, t, boundaries));
    if (!term) {
      i++;
      continue;
    }
    out.push(...icuWords(text.slice(pending, i)), term);
    i += term.length;
    pending = i;
  }
  out.push(...icuWords(text.slice(pending)));
  return out.filter((w) => !/^[\s\p{P}\p{S}]*$/u.test(w));
}

// ---- Numbers -----------------------------------------------------------------------------

const THAI_UNITS: Readonly<Record<string, number>> = {
  หนึ่ง: 1, สอง: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9,
};
const THAI_TENS: Readonly<Record<string, number>> = { "": 1, ยี่: 2, สาม: 3, สี่: 4 };
const THAI_NUMBER_WORD = /^(|ยี่|สาม|สี่)สิบ(เอ็ด|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)?$/;

/** Thai number words up to สี่สิบเก้า ("ห้า" → 5, "สิบเอ็ด" → 11, "ยี่สิบ" → 20). */
export function parseThaiNumberWord(word: string): number | null {
  if (word in THAI_UNITS) return THAI_UNITS[word];
  const m = THAI_NUMBER_WORD.exec(word);
  if (!m) return null;
  const unit = m[2] === undefined ? 0 : m[2] === "เอ็ด" ? 1 : THAI_UNITS[m[2]];
  return THAI_TENS[m[1]] * 10 + unit;
}

const POLITE_TAIL = /\s*(?:นะคะ|นะครับ|ค่ะ|คะ|ครับ|จ้า|จ้ะ|นะ)$/;

/** Drops a closing polite particle ("หมู่ 5 ค่ะ" → "หมู่ 5"); run it on normalized text. */
export function stripPoliteTail(s: string): string {
  return s.replace(POLITE_TAIL, "");
}

const VILLAGE_PREFIX = /^(?:หมู่บ้าน|หมู่|ม\.|ม(?=\s*\d))\s*(?:ที่)?\s*/;
/** The highest village number accepted. Few tambons have more than 30 หมู่. */
export const MAX_VILLAGE_NUMBER = 40;

/**
 * A village number (หมู่ที่) from "5", "หมู่ 5", "ม.5", "หมู่ที่ ๕", "หมู่ห้า" or "หมู่ที่ยี่สิบ".
 * Returns null when nothing else is there or the number is outside 1–40.
 */
export function parseVillageNumber(s: string): number | null {
  const rest = stripPoliteTail(normalizeThai(s)).replace(VILLAGE_PREFIX, "").replace(/\s+/g, "");
  let n: number | null = null;
  if (/^\d{1,3}$/.test(rest)) n = Number(rest);
  else n = parseThaiNumberWord(rest);
  return n !== null && n >= 1 && n <= MAX_VILLAGE_NUMBER ? n : null;
}

const graphemes = new Intl.Segmenter("th", { granularity: "grapheme" });

/**
 * Cut s to at most max UTF-16 code units, ending with "…" when cut. The cut falls on a
 * grapheme boundary, so it never splits a surrogate pair (emoji) or strips a Thai vowel or
 * tone mark from its consonant. (LINE counts text limits in UTF-16 code units: line.md.)
 */
export function truncateUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max < 1) return "";
  const budget = max - 1; // room left for "…"
  let end = 0;
  for (const { index, segment } of graphemes.segment(s)) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return s.slice(0, end) + "…";
}
