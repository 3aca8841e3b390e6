import { ValidationError } from "../errors";

// What a complaint accepts from a reporter, and how it is cleaned. Input is stored
// literally: emoji, mixed Thai and Latin, HTML and "{$gt: …}"-like strings are kept
// as typed, because they are only ever stored as string values (never as keys or
// query operators). The one change is dropping NUL (U+0000): it carries nothing a
// reader can see, and C-string tools (exports, logs) cut text at it.
export const MAX_WHAT_CHARS = 5000;
export const MIN_WHAT_CHARS = 10;
export const MAX_WHO_CHARS = 1000;
export const MAX_WHEN_TEXT_CHARS = 200;
export const MAX_NAME_CHARS = 100;
export const MAX_THREAD_TEXT_CHARS = 2000;
export const MAX_NOTE_CHARS = 2000;
export const MAX_PHOTOS = 5;

/** Drops NUL characters and trims the ends. */
export function cleanText(s: string): string {
  return s.replace(/\u0000/g, "").trim();
}

/** A required text field: cleaned, non-empty, at most `max` UTF-16 units (how LINE counts). */
export function requireText(field: string, value: unknown, max: number, userMessage?: string): string {
  if (typeof value !== "string") throw new ValidationError(`${field} must be a string`, userMessage);
  const s = cleanText(value);
  if (!s) throw new ValidationError(`${field} is empty`, userMessage);
  if (s.length > max) throw new ValidationError(`${field} is longer than ${max} characters`, userMessage);
  return s;
}

/**
 * A Thai phone number as digits ("0812345678"), or null. Accepts spaces, dashes,
 * dots, brackets, Thai digits and the +66 / 66 country code. Mobiles are 10 digits
 * starting 06, 08 or 09; fixed lines 9 digits starting 02–05 or 07 (NBTC numbering
 * plan; e.g. Khon Kaen 043-xxx-xxx).
 */
export function parseThaiPhone(input: string): string | null {
  let s = input.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s\-().]/g, "");
  if (s.startsWith("+66")) s = "0" + s.slice(3);
  else if (/^66\d{8,9}$/.test(s)) s = "0" + s.slice(2);
  if (/^0[689]\d{8}$/.test(s)) return s;
  if (/^0[2-57]\d{7}$/.test(s)) return s;
  return null;
}

/** "081-234-5678" / "043-123-456" for showing back to the reporter. */
export function formatThaiPhone(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

/** "08x-xxx-5678": the reporter's own number, shown without the middle in chat. */
export function maskThaiPhone(digits: string): string {
  return `${digits.slice(0, 2)}x-xxx-${digits.slice(-4)}`;
}
