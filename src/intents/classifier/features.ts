import { segmentThai } from "../../util/thai-text";
import { INTENT_SEGMENT_TERMS, matchConcepts, prepareText, viewFromWords } from "../match-concepts";
import { ENGLISH_GLOSSARY } from "./english-glossary";
import { ISAN_GLOSSARY } from "./isan-glossary";

// What the classifier sees of a message: a bag of feature strings. Only a bounded prefix
// is read (ANALYSED_CHARS: the longest corpus message has 176), so the cost is linear in
// that prefix and capped for LINE's 5,000-character messages: what someone wants is said at
// the start of a message.
//   w:<word>        Intl.Segmenter words (after normalizeThai), digit runs also as w:#
//   c:<gram>        character 2- and 3-grams of the Thai letters, without tone marks, so
//                   typos, missing tone marks and odd spacing still share most grams
//   l:<gram>        letter 3-grams of Latin words the glossary does not know
//   (an Isan word in isan-glossary.ts also gives its central Thai word's w: feature)
//   k:<concept>     the hand-written concepts of synonyms.ts (topic words, question words),
//                   written before the corpus and kept as prior knowledge
//   s:<shape>       shape: a question or not, a number, an amount, a tracking code, length,
//                   wrongdoing or an office named without a question (a report's shape)

/** Characters of a message the classifier reads. */
export const ANALYSED_CHARS = 240;
/** Tone marks, the short-vowel sign and the silencer: often left out on cheap phones. */
const MARKS = /[\u0E47-\u0E4C]/g;
/** 4-grams and word pairs were tried: no better on writers left out, and a larger model. */
const GRAM_SIZES = [2, 3] as const;
/** A tracking code (KK-7F3-Q9M-2XA and near misses): one feature, then taken out of the text. */
const TRACKING_CODE = /\bkk[\s-]*[0-9a-z]{3,4}(?:[\s-]*[0-9a-z]{3,4}){1,2}\b/g;
/** "hiii", "menuuu": a Latin letter three or more times is emphasis. */
const LATIN_REPEAT = /([a-z])\1{2,}/g;
const NOT_THAI = /[^\u0E01-\u0E4E#]+/g;

/**
 * An English yes/no or wh- question: a clause opening with an auxiliary or a question word, or
 * a "?". Thai marks the same with a final particle (ไหม), which is what the Thai-trained
 * features know, so such a message also gets w:ไหม.
 */
const ENGLISH_QUESTION = /(?:^|[.!?,]\s*)(?:do|does|did|can|could|is|are|was|were|will|would|should|may|am|have|has|which|what|how|when|where|who|why)\b|[a-z]\s*\?/;
/** Concepts that make a message a question (from synonyms.ts). */
const QUESTION_CONCEPTS = new Set(["whatIs", "how", "where", "when", "who", "benefit", "count", "allowed"]);
/** Concepts of wrongdoing and of the people who hold office. */
const WRONGDOING_CONCEPTS = new Set(["corruption", "bribe"]);
/** Question particles, Thai and Isan, at the end of a clause or before a space. */
const QUESTION_PARTICLE = /[?？]|(?:ไหม|มั้ย|มั๊ย|ไม๊|บ่|ป่ะ|ปะ|เปล่า|เหรอ|หรอ|รึยัง|หรือยัง|แม่นบ่|บ้าง|ไร|หยัง)(?=$|[\s!.,~)]|นะ|ครับ|คับ|ค่ะ|คะ|จ้า|เด้อ|อะ|อ่ะ)/;

/**
 * Shape: a question or not, numbers and amounts (a question about money or a percentage
 * often names no topic), length, and the shape of a report: wrongdoing or an office named
 * and no question asked ("the อบต. clerk took 3,000 for the permit").
 */
function shapeFeatures(text: string, words: readonly string[], concepts: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const question = QUESTION_PARTICLE.test(text) || ENGLISH_QUESTION.test(text) || [...concepts].some((c) => QUESTION_CONCEPTS.has(c));
  out.push(question ? "s:q" : "s:noq");
  if (/\d/.test(text)) out.push("s:num");
  if (/\d\s*(?:บาท|฿|baht|thb|k\b)|฿\s*\d|(?:พัน|หมื่น|แสน|ล้าน)\s*(?:บาท)?/.test(text)) out.push("s:baht");
  if (/\d\s*(?:%|เปอร์เซ็น|percent)/.test(text)) out.push("s:pct");
  const wrongdoing = [...concepts].some((c) => WRONGDOING_CONCEPTS.has(c));
  if (wrongdoing) out.push(question ? "s:wrong-q" : "s:wrong-noq");
  if (concepts.has("official")) out.push(question ? "s:office-q" : "s:office-noq");
  if (!question && (wrongdoing || concepts.has("official")) && /\d/.test(text)) out.push("s:report-amount");
  out.push(words.length <= 2 ? "s:len1" : words.length <= 6 ? "s:len2" : words.length <= 20 ? "s:len3" : "s:len4");
  return out;
}

/** The features of one message; each appears once. */
export function messageFeatures(raw: string): string[] {
  const full = prepareText(raw.slice(0, ANALYSED_CHARS)).replace(LATIN_REPEAT, "$1");
  const text = full.replace(TRACKING_CODE, " ");
  const segmented = segmentThai(text, INTENT_SEGMENT_TERMS);
  const words = segmented.map((w) => w.replace(/\s+/g, ""));
  const feats = new Set<string>();
  /** The message with known English words put in Thai, for the character grams. */
  let rendered = "";
  for (const w of words) {
    // An English word the glossary knows counts as its Thai word only, so English and Thai
    // messages train the same features; other Latin words also give their letter 3-grams.
    const thai = /^[a-z]+$/.test(w) ? ENGLISH_GLOSSARY.get(w) : undefined;
    for (const t of thai ?? [w]) {
      feats.add(`w:${t}`);
      rendered += /[\u0E00-\u0E7F]/.test(t) && /[\u0E00-\u0E7F]$/.test(rendered) ? t : ` ${t}`;
    }
    if (thai) continue;
    for (const t of ISAN_GLOSSARY.get(w) ?? []) feats.add(`w:${t}`);
    if (/^\d+$/.test(w)) feats.add("w:#");
    if (/^[a-z]+$/.test(w)) {
      const padded = `<${w}>`;
      for (let i = 0; i + 3 <= padded.length; i++) feats.add(`l:${padded.slice(i, i + 3)}`);
    }
  }
  if (text !== full) feats.add("s:code");
  // Grams of the Thai letters only: Latin words count through the glossary and their own grams.
  const thaiOnly = ` ${rendered.replace(MARKS, "").replace(/\d+/g, "#").replace(NOT_THAI, " ").replace(/ +/g, " ").trim()} `;
  for (const n of GRAM_SIZES) {
    for (let i = 0; i + n <= thaiOnly.length; i++) {
      const g = thaiOnly.slice(i, i + n);
      if (g.trim().length >= n - 1) feats.add(`c:${g}`);
    }
  }
  const concepts = new Set(matchConcepts(viewFromWords(segmented), { fuzzy: false }).map((m) => m.concept as string));
  for (const c of concepts) feats.add(`k:${c}`);
  for (const s of shapeFeatures(text, words, concepts)) feats.add(s);
  if (ENGLISH_QUESTION.test(text)) feats.add("w:ไหม");
  return [...feats];
}
