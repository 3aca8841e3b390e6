import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countText, primaryMarks, protectSharedColumns, publishCell, publishTotal, type Mark, type PublicCount } from "../../../../src/services/transparency/small-counts";

// The small-count rule must survive an attacker who knows the rule and reads every
// published figure: each "<5" is 1–4, each hidden cell is ≥ 5, every exact total is an
// equation, and the two complaint tables have equal column sums. Bounds propagation
// over those equations must never pin a "<5" cell to one value.

interface Var {
  lo: number;
  hi: number;
}
type Equation = { terms: { v: number; sign: 1 | -1 }[]; constant: number }; // Σ sign·x = constant

function propagate(vars: Var[], equations: Equation[]): void {
  for (let round = 0; round < 200; round++) {
    let changed = false;
    for (const eq of equations) {
      for (const t of eq.terms) {
        // sign·x_t = constant − Σ_{others} sign·x
        let lo = eq.constant;
        let hi = eq.constant;
        for (const o of eq.terms) {
          if (o === t) continue;
          const v = vars[o.v]!;
          if (o.sign === 1) {
            lo -= v.hi;
            hi -= v.lo;
          } else {
            lo += v.lo;
            hi += v.hi;
          }
        }
        const [xlo, xhi] = t.sign === 1 ? [lo, hi] : [-hi, -lo];
        const v = vars[t.v]!;
        if (xlo > v.lo) (v.lo = xlo), (changed = true);
        if (xhi < v.hi) (v.hi = xhi), (changed = true);
      }
    }
    if (!changed) return;
  }
}

/** What a reader can write down from one published table: variables for suppressed cells, and equations from exact totals. */
function readTable(values: number[][], marks: Mark[][], vars: Var[]): { cellVar: (number | null)[][]; colSide: { known: number; vars: number[] }[]; equations: Equation[] } {
  const cellVar = marks.map((row) =>
    row.map((m) => {
      if (m === "exact") return null;
      vars.push(m === "small" ? { lo: 1, hi: 4 } : { lo: 5, hi: Infinity });
      return vars.length - 1;
    }),
  );
  const equations: Equation[] = [];
  const line = (cells: { r: number; c: number }[], total: PublicCount) => {
    if (total.kind !== "exact") return;
    const terms = cells.filter(({ r, c }) => cellVar[r]![c] !== null).map(({ r, c }) => ({ v: cellVar[r]![c]!, sign: 1 as const }));
    const known = cells.filter(({ r, c }) => cellVar[r]![c] === null).reduce((s, { r, c }) => s + values[r]![c]!, 0);
    if (terms.length > 0) equations.push({ terms, constant: total.value - known });
  };
  values.forEach((row, r) => line(row.map((_, c) => ({ r, c })), publishTotal(row, marks[r]!)));
  const cols = values[0]!.length;
  const colSide = [];
  for (let c = 0; c < cols; c++) {
    const cells = values.map((_, r) => ({ r, c }));
    line(cells, publishTotal(values.map((row) => row[c]!), marks.map((row) => row[c]!)));
    colSide.push({
      known: cells.filter(({ r }) => cellVar[r]![c] === null).reduce((s, { r }) => s + values[r]![c]!, 0),
      vars: cells.map(({ r }) => cellVar[r]![c]).filter((v): v is number => v !== null),
    });
  }
  return { cellVar, colSide, equations };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

/** A random cube of complaints (district × category × quarter), mostly small counts. */
function randomCube(seed: number): { byDistrict: number[][]; byCategory: number[][] } {
  const r = rng(seed);
  const density = 0.05 + r() * 0.6;
  const scale = [1, 2, 4, 10][Math.floor(r() * 4)]!;
  const byDistrict = Array.from({ length: 26 }, () => [0, 0, 0, 0]);
  const byCategory = Array.from({ length: 6 }, () => [0, 0, 0, 0]);
  for (let d = 0; d < 26; d++)
    for (let c = 0; c < 6; c++)
      for (let q = 0; q < 4; q++) {
        if (r() > density) continue;
        const n = 1 + Math.floor(r() * r() * scale * 3);
        byDistrict[d]![q]! += n;
        byCategory[c]![q]! += n;
      }
  return { byDistrict, byCategory };
}

describe("small counts", () => {
  test("1–4 reads <5; 0 and 5+ are exact; a total over a <5 is the range a reader knows anyway", () => {
    assert.deepEqual(primaryMarks([[0, 1, 4, 5]]), [["exact", "small", "small", "exact"]]);
    assert.equal(countText(publishCell(3, "small")), "<5");
    assert.equal(countText(publishCell(1234, "exact")), "1,234");
    assert.deepEqual(publishTotal([10, 2, 0], ["exact", "small", "exact"]), { kind: "range", min: 11, max: 14 });
    assert.deepEqual(publishTotal([10, 2, 9], ["exact", "small", "hidden"]), { kind: "range", min: 16, max: null });
    assert.equal(countText(publishTotal([10, 2, 9], ["exact", "small", "hidden"])), "≥ 16");
    assert.deepEqual(publishTotal([10, 0, 9], ["exact", "exact", "exact"]), { kind: "exact", value: 19 });
    assert.deepEqual(publishTotal([0, 2, 0], ["exact", "small", "exact"]), { kind: "small" });
  });

  test("a single table: no <5 cell can be pinned by its row and column totals", () => {
    const values = [
      [3, 20, 0],
      [7, 1, 12],
      [0, 0, 2],
    ];
    const marks = primaryMarks(values);
    const vars: Var[] = [];
    const t = readTable(values, marks, vars);
    propagate(vars, t.equations);
    for (const v of vars) assert.deepEqual(v, { lo: 1, hi: 4 });
  });

  test("without complementary hiding, the other table's column sums would pin a cell (the attack works)", () => {
    const byDistrict = [[3], [20], [6]];
    const byCategory = [[29]];
    const vars: Var[] = [];
    const a = readTable(byDistrict, primaryMarks(byDistrict), vars);
    const b = readTable(byCategory, primaryMarks(byCategory), vars);
    const shared: Equation = { terms: [...a.colSide[0]!.vars.map((v) => ({ v, sign: 1 as const })), ...b.colSide[0]!.vars.map((v) => ({ v, sign: -1 as const }))], constant: b.colSide[0]!.known - a.colSide[0]!.known };
    propagate(vars, [...a.equations, ...b.equations, shared]);
    assert.deepEqual(vars[0], { lo: 3, hi: 3 }, "the naive rule leaks: 29 − 20 − 6 = 3");
  });

  test("two tables with shared column sums, 400 random cubes: every <5 stays anywhere in 1–4", () => {
    let smallCells = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { byDistrict, byCategory } = randomCube(seed);
      const [ma, mb] = protectSharedColumns(byDistrict, byCategory, 4);
      const vars: Var[] = [];
      const a = readTable(byDistrict, ma, vars);
      const b = readTable(byCategory, mb, vars);
      const shared: Equation[] = a.colSide.map((sa, q) => {
        const sb = b.colSide[q]!;
        return { terms: [...sa.vars.map((v) => ({ v, sign: 1 as const })), ...sb.vars.map((v) => ({ v, sign: -1 as const }))], constant: sb.known - sa.known };
      });
      propagate(vars, [...a.equations, ...b.equations, ...shared]);
      const marks = [...ma.flat(), ...mb.flat()].filter((m) => m !== "exact");
      marks.forEach((m, i) => {
        if (m !== "small") return;
        smallCells++;
        assert.ok(vars[i]!.lo <= 1 && vars[i]!.hi >= 4, `seed ${seed}: a <5 cell narrowed to ${vars[i]!.lo}–${vars[i]!.hi}`);
      });
    }
    assert.ok(smallCells > 2000, `the cubes exercise the rule (${smallCells} small cells)`);
  });
});
