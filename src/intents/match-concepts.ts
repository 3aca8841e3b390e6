import { editDistance } from "../util/edit-distance";
import { DEFAULT_PROTECTED_TERMS, normalizeThai, segmentThai } from "../util/thai-text";
import { CONCEPTS, INTENT_PROTECTED_TERMS, type ConceptId, type Term } from "./synonyms";

// Finds the concepts of synonyms.ts in a message. Thai has no spaces, so the message is
// segmented (Intl.Segmenter, after splitting Thai from digits and Latin: util/thai-text) and
// glued back into one compact string. Long Thai synonyms are found with includes() on it,
// which survives ICU's odd splits; short ones must also sit on word boundaries ("ยอด" is not
// inside "ยอดเยี่ยม"…); typos in long words are caught with an edit distance of 1.

/** Thai synonyms shorter than this must start and end on a word boundary. */
const SHORT_THAI = 4;
/** Thai synonyms at least this long also match with one typo (ล้องเรียน → ร้องเรียน). */
const FUZZY_MIN = 7;
/**
 * Typo search costs about text length × synonyms; beyond this many characters (a story, not a
 * question: LINE allows 5,000) only exact spellings are looked for, to keep a reply fast.
 */
const FUZZY_MAX_TEXT = 200;
/** Following vowels and marks that belong to the consonant before them. */
const ATTACHED = /[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E]/;
/** Leading vowels เ แ โ ใ ไ that belong to the consonant after them. */
const LEADING = /[\u0E40-\u0E44]/;
const PROTECTED = [...DEFAULT_PROTECTED_TERMS, ...INTENT_PROTECTED_TERMS];
/** Topic words long enough that a typo in them is still recognisable. */
const FUZZY_CONCEPTS: readonly ConceptId[] = ["noGift", "gift", "corruption", "bribe", "report", "ita", "pledge", "privacy", "meeting", "remind"];

export interface TextView {
  /** Normalized words joined without spaces; one space only between Latin/digit words. */
  compact: string;
  /** Offsets in `compact` where a word starts or ends. */
  boundaries: Set<number>;
}

export interface ConceptMatch {
  concept: ConceptId;
  start: number;
  end: number;
  fuzzy: boolean;
}

const stripMarks = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, "");
const isAlnum = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);

/** The text as prepared for segmenting: normalized, with "3,000" as 3000. */
export function prepareText(text: string): string {
  return normalizeThai(text).replace(/(\d),(?=\d{3}\b)/g, "$1");
}

export function viewText(text: string): TextView {
  return viewFromWords(segmentThai(prepareText(text), PROTECTED));
}

/** The view of words already segmented from prepareText(text) with the intent terms protected. */
export function viewFromWords(words: readonly string[]): TextView {
  let compact = "";
  const boundaries = new Set<number>([0]);
  // A protected term may hold spaces ("no gift policy"): its parts are words of their own.
  for (const word of words.flatMap((t) => t.split(/\s+/)).map(stripMarks)) {
    if (!word) continue;
    if (isAlnum(compact[compact.length - 1]) && isAlnum(word[0])) compact += " ";
    boundaries.add(compact.length);
    compact += word;
    boundaries.add(compact.length);
  }
  return { compact, boundaries };
}

/** The protected terms the intent module segments with. */
export const INTENT_SEGMENT_TERMS: readonly string[] = PROTECTED;

interface CompiledTerm {
  kind: "thai" | "latin" | "regex";
  text: string;
  regex?: RegExp;
}

function compileTerm(term: Term): CompiledTerm {
  if (term instanceof RegExp) return { kind: "regex", text: term.source, regex: new RegExp(term.source, "gu") };
  const norm = normalizeThai(term);
  if (/^[a-z0-9 .\-_]+$/.test(norm) && /[a-z]/.test(norm)) {
    const words = norm.split(/[\s.\-_]+/).filter(Boolean).map((w) => w.replace(/[^a-z0-9']/g, ""));
    return { kind: "latin", text: norm, regex: new RegExp(`(?<![a-z])${words.join(" ?")}(?![a-z])`, "g") };
  }
  return { kind: "thai", text: stripMarks(norm) };
}

const compiled = new Map<ConceptId, CompiledTerm[]>(
  (Object.keys(CONCEPTS) as ConceptId[]).map((id) => [id, (CONCEPTS[id] as readonly Term[]).map(compileTerm)]),
);

/** A Thai span may not cut a leading vowel from its consonant or a mark from its base. */
function thaiEdgesOk(compact: string, start: number, end: number): boolean {
  return !LEADING.test(compact[start - 1] ?? "") && !ATTACHED.test(compact[end] ?? "") && !ATTACHED.test(compact[start] ?? "");
}

type Span = { start: number; end: number; fuzzy: boolean };

function findThai(view: TextView, term: string): Span[] {
  const { compact, boundaries } = view;
  const out: Span[] = [];
  const digits = /^\d+$/.test(term);
  for (let i = compact.indexOf(term); i >= 0; i = compact.indexOf(term, i + 1)) {
    const end = i + term.length;
    if (digits) {
      if (!/\d/.test(compact[i - 1] ?? "") && !/\d/.test(compact[end] ?? "")) out.push({ start: i, end, fuzzy: false });
      continue;
    }
    if (!thaiEdgesOk(compact, i, end)) continue;
    if (term.length < SHORT_THAI && !(boundaries.has(i) && boundaries.has(end))) continue;
    out.push({ start: i, end, fuzzy: false });
  }
  return out;
}

/** One typo (a wrong, missing, extra or swapped letter or mark) in a long Thai word, from a word start. */
function findThaiFuzzy(view: TextView, term: string): Span[] {
  const { compact, boundaries } = view;
  const out: Span[] = [];
  // A typo rarely moves where a word starts, even when ICU then splits the rest oddly.
  for (const i of boundaries) {
    for (const len of [term.length, term.length - 1, term.length + 1]) {
      const end = i + len;
      if (end > compact.length || !thaiEdgesOk(compact, i, end)) continue;
      if (editDistance(compact.slice(i, end), term, 1) <= 1) {
        out.push({ start: i, end, fuzzy: true });
        break;
      }
    }
  }
  return out;
}

function findTerm(view: TextView, term: CompiledTerm): Span[] {
  if (term.kind === "thai") return findThai(view, term.text);
  return [...view.compact.matchAll(term.regex!)].map((m) => ({ start: m.index, end: m.index + m[0].length, fuzzy: false }));
}

/**
 * The concepts found in a message, longest match first: a match lying inside a longer match
 * of another concept is dropped ("แจ้ง" inside "แจ้งเตือน", "คอร์รัปชัน" inside the day's name).
 * Typos are looked for only in the topic words of FUZZY_CONCEPTS, and only when the concept
 * was not found spelled right: a one-letter change in a phrase such as "ร้องเรียนไว้" →
 * "ร้องเรียนได้" changes its meaning.
 */
export function matchConcepts(view: TextView, opts: { fuzzy?: boolean } = {}): ConceptMatch[] {
  const all: ConceptMatch[] = [];
  for (const [concept, terms] of compiled) {
    for (const term of terms) for (const m of findTerm(view, term)) all.push({ concept, ...m });
  }
  // The classifier asks for exact spellings only (its character grams absorb typos): the typo
  // search is most of this function's cost.
  for (const concept of opts.fuzzy !== false && view.compact.length <= FUZZY_MAX_TEXT ? FUZZY_CONCEPTS : []) {
    if (all.some((m) => m.concept === concept)) continue;
    for (const term of compiled.get(concept)!) {
      if (term.kind !== "thai" || term.text.length < FUZZY_MIN) continue;
      for (const m of findThaiFuzzy(view, term.text)) all.push({ concept, ...m });
    }
  }
  return all.filter(
    (m) => !all.some((o) => o.concept !== m.concept && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}

/** The set of concepts in a text (the input of the intent rules). */
export function findConcepts(text: string): Set<ConceptId> {
  return new Set(matchConcepts(viewText(text)).map((m) => m.concept));
}
