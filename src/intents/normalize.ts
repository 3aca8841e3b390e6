// Light normalisation for matching commands: NFC, no zero-width characters,
// single spaces, lower-case Latin. The full Thai pipeline lives in util/thai-text.
export function normalizeText(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
