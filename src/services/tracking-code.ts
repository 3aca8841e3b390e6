import { randomInt } from "node:crypto";

// Tracking codes are the reporter's only credential for following a case from
// another LINE account (GlobaLeaks receipts, Traffy ticket ids: civic.md §1 row 7),
// so they must be hard to guess yet easy to read aloud over the phone:
// - 31 symbols: digits 2–9 and Latin letters without I, L and O; 0/O and 1/I/L are
//   never both possible, so a misread character cannot land on another valid code;
// - 9 random symbols in three groups of three after the province prefix "KK":
//   31^9 ≈ 2^44.6, above the 40-bit floor, drawn with crypto.randomInt (no modulo bias).
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const TRACKING_PREFIX = "KK";
export const TRACKING_RANDOM_LENGTH = 9;
export const TRACKING_GROUP = 3;

/** Bits of randomness in one code (≈ 44.6). */
export const TRACKING_CODE_BITS = TRACKING_RANDOM_LENGTH * Math.log2(TRACKING_ALPHABET.length);

/** A new code such as "KK-7F3-Q9M-2XA". */
export function generateTrackingCode(random: (max: number) => number = randomInt): string {
  let body = "";
  for (let i = 0; i < TRACKING_RANDOM_LENGTH; i++) body += TRACKING_ALPHABET[random(TRACKING_ALPHABET.length)];
  return formatTrackingCode(body);
}

function formatTrackingCode(body: string): string {
  const groups: string[] = [];
  for (let i = 0; i < body.length; i += TRACKING_GROUP) groups.push(body.slice(i, i + TRACKING_GROUP));
  return [TRACKING_PREFIX, ...groups].join("-");
}

const VALID_BODY = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_RANDOM_LENGTH}}$`);

/**
 * The canonical code from what a person typed: any case, with or without dashes or
 * spaces, with or without the "KK" prefix. Thai digits are accepted. Null when it
 * cannot be a code (the result never contains anything but the alphabet, so it is
 * safe to use as a query value).
 */
export function parseTrackingCode(input: string): string | null {
  const thaiDigits = input.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  let s = thaiDigits.normalize("NFKC").toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (s.length === TRACKING_PREFIX.length + TRACKING_RANDOM_LENGTH && s.startsWith(TRACKING_PREFIX)) s = s.slice(TRACKING_PREFIX.length);
  return VALID_BODY.test(s) ? formatTrackingCode(s) : null;
}

/** Finds a code inside a longer message ("ติดตามเรื่อง kk-7f3-q9m-2xa ค่ะ"). */
export function findTrackingCode(text: string): string | null {
  const candidates = text.match(/(?:kk[\s-]*)?[0-9a-z๐-๙]{3}[\s-]*[0-9a-z๐-๙]{3}[\s-]*[0-9a-z๐-๙]{3}/gi) ?? [];
  for (const c of candidates) {
    const code = parseTrackingCode(c);
    if (code) return code;
  }
  return null;
}
