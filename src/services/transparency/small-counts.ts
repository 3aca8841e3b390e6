// The small-count rule of the public transparency figures (issue 23): a count from
// 1 to 4 is shown as "<5", so a village's one or two cases cannot be singled out,
// and no published total lets anyone work such a cell back out.
//
// How totals stay safe:
// - A total (row, column or grand) over a line that holds a suppressed cell is never
//   shown exactly: it is a range whose ends are what a reader knows anyway (each
//   "<5" is 1–4, each "hidden" cell is 5 or more).
// - Two tables of complaints share their quarter totals: by district and by category.
//   Where one table's column is all exact, its sum is the other table's exact column
//   total. So in each column with a "<5", complementary cells of 5 or more are hidden
//   too, enough that the column sum leaves every "<5" anywhere in 1–4 (see protect).
//   If a column has no such cells, the whole column is hidden in both tables.
export const SMALL_MAX = 4;

export type Mark = "exact" | "small" | "hidden";
export type PublicCount =
  | { kind: "exact"; value: number }
  | { kind: "small" }
  | { kind: "hidden" }
  /** max null: no upper bound can be given without revealing a hidden cell. */
  | { kind: "range"; min: number; max: number | null };

export function isSmall(n: number): boolean {
  return n >= 1 && n <= SMALL_MAX;
}

/** Primary marks: "<5" for 1–4, exact otherwise. */
export function primaryMarks(values: readonly (readonly number[])[]): Mark[][] {
  return values.map((row) => row.map((n) => (isSmall(n) ? "small" : "exact")));
}

/**
 * Hides complementary cells in column `col` of one table so that an exact column sum
 * (known from another table) still leaves each "<5" anywhere in 1–4. With k cells of
 * 1–4 and hidden cells c₁…cₘ ≥ 5, a reader solving the sum sees each small cell in
 * [1, min(4, Σcⱼ − 5m + 1)] at worst, so Σ(cⱼ − 5) ≥ 3 keeps the whole 1–4 open.
 * Returns false when the column has too little to hide behind.
 */
function protectColumn(values: readonly (readonly number[])[], marks: Mark[][], col: number): boolean {
  if (!marks.some((row) => row[col] === "small")) return true;
  let slack = marks.reduce((s, row, r) => s + (row[col] === "hidden" ? values[r]![col]! - 5 : 0), 0);
  const candidates = values
    .map((row, r) => ({ r, n: row[col]! }))
    .filter(({ r, n }) => marks[r]![col] === "exact" && n >= 5)
    .sort((a, b) => b.n - a.n || a.r - b.r);
  for (const c of candidates) {
    if (slack >= 3) break;
    marks[c.r]![col] = "hidden";
    slack += c.n - 5;
  }
  return slack >= 3;
}

function hideColumn(values: readonly (readonly number[])[], marks: Mark[][], col: number): void {
  values.forEach((row, r) => {
    if (row[col]! > 0 && marks[r]![col] === "exact") marks[r]![col] = "hidden";
  });
}

/**
 * Marks for two tables with the same columns whose column sums are equal (the same
 * complaints counted by district and by category). Both get primary "<5" marks and
 * the complementary hiding that keeps each other's column sums from pinning a cell.
 */
export function protectSharedColumns(a: readonly (readonly number[])[], b: readonly (readonly number[])[], columns: number): [Mark[][], Mark[][]] {
  const ma = primaryMarks(a);
  const mb = primaryMarks(b);
  for (let col = 0; col < columns; col++) {
    const ok = protectColumn(a, ma, col) && protectColumn(b, mb, col);
    if (!ok) {
      hideColumn(a, ma, col);
      hideColumn(b, mb, col);
    }
  }
  return [ma, mb];
}

/** One cell as published. */
export function publishCell(value: number, mark: Mark): PublicCount {
  if (mark === "small") return { kind: "small" };
  if (mark === "hidden") return { kind: "hidden" };
  return { kind: "exact", value };
}

/** A total over cells: exact only when none of them is suppressed, else the range a reader could work out anyway. */
export function publishTotal(values: readonly number[], marks: readonly Mark[]): PublicCount {
  let known = 0;
  let small = 0;
  let hidden = 0;
  values.forEach((n, i) => {
    if (marks[i] === "small") small++;
    else if (marks[i] === "hidden") hidden++;
    else known += n;
  });
  if (small === 0 && hidden === 0) return { kind: "exact", value: known };
  const min = known + small + 5 * hidden;
  const max = hidden > 0 ? null : known + SMALL_MAX * small;
  // A total that is itself 1–4 reads as "<5", whatever it is made of.
  if (max !== null && max <= SMALL_MAX) return { kind: "small" };
  return { kind: "range", min, max };
}

/** The count as Thai readers see it: "12", "<5", "ปกปิด", "7–19", "≥ 23". */
export function countText(c: PublicCount): string {
  switch (c.kind) {
    case "exact":
      return c.value.toLocaleString("en-US");
    case "small":
      return "<5";
    case "hidden":
      return "ปกปิด";
    case "range":
      return c.max === null ? `≥ ${c.min.toLocaleString("en-US")}` : `${c.min.toLocaleString("en-US")}–${c.max.toLocaleString("en-US")}`;
  }
}
