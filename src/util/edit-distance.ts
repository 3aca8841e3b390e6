import { distance as levenshtein } from "fastest-levenshtein";

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbours, each costing 1, over UTF-16 code units. In Thai a forgotten or wrong tone mark
 * or vowel sign is one unit, so it costs 1, like a Latin letter; a tone mark typed before its
 * vowel (หอ้ง for ห้อง) is one swap.
 * Returns limit + 1 once the distance must exceed limit.
 *
 * fastest-levenshtein answers most pairs: a swap is two Levenshtein edits, so
 * OSA ≤ Levenshtein ≤ 2 × OSA. Levenshtein 0 or 1 is the OSA distance; above 2 × limit the
 * OSA distance is over the limit. Only the pairs in between (a few per cent of place-name
 * comparisons) need the swap-aware table below (bench/edit-distance.micro.ts has the numbers).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const lev = levenshtein(a, b);
  if (lev <= 1) return lev > limit ? limit + 1 : lev;
  if (lev > 2 * limit) return limit + 1;
  return Math.min(osaDistance(a, b, limit), limit + 1);
}

/** The dynamic-programming table of the optimal string alignment distance (see editDistance). */
export function osaDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}
