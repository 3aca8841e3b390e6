// Does a declared index serve a query shape? The test server accepts secondary
// indexes but never uses them, so this rule stands in for MongoDB's planner
// (test/unit/models/query-shapes.test.ts), and `npm run check:indexes` asks a
// real MongoDB's explain() the same question.
//
// The rule (MongoDB's "equality, sort, range"):
// - a unique index whose every field is an equality of the shape is a point lookup;
// - otherwise the index's leading fields are exactly the shape's equality fields
//   (in any order; {$in} counts as equality), followed at once by the sort fields
//   in order, all in the same or all in the opposite direction;
// - a shape with neither equality nor sort needs an index that leads with one of
//   its range fields.
// Residual fields are filtered after the index (declared as such in the shape).
export type IndexKey = Record<string, 1 | -1>;

export interface DeclaredIndex {
  key: IndexKey;
  unique?: boolean;
}

export interface ShapeFields {
  equality: string[];
  range: string[];
  sort: [string, 1 | -1][];
}

const RANGE_OPS = new Set(["$gt", "$gte", "$lt", "$lte", "$ne", "$nin", "$exists", "$size", "$not", "$regex"]);

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith("$"));
}

/** The equality and range fields of a filter without $or ($and is flattened); `residual` fields are left out. */
export function fieldsOf(filter: Record<string, unknown>, sort: IndexKey = {}, residual: readonly string[] = []): ShapeFields {
  const equality = new Set<string>();
  const range = new Set<string>();
  const walk = (f: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "$and") (v as Record<string, unknown>[]).forEach(walk);
      else if (k.startsWith("$")) throw new Error(`a shape's filter cannot hold ${k}: list each branch as its own shape`);
      else if (residual.includes(k)) continue;
      else if (isOperatorObject(v) && Object.keys(v).some((op) => RANGE_OPS.has(op))) range.add(k);
      else equality.add(k);
    }
  };
  walk(filter);
  return { equality: [...equality], range: [...range].filter((k) => !equality.has(k)), sort: Object.entries(sort) };
}

function servesSort(key: [string, number][], from: number, sort: [string, 1 | -1][]): boolean {
  if (from + sort.length > key.length) return false;
  const same = sort.every(([f, d], i) => key[from + i]![0] === f && key[from + i]![1] === d);
  const reversed = sort.every(([f, d], i) => key[from + i]![0] === f && key[from + i]![1] === -d);
  return same || reversed;
}

/** True if this index serves the shape by the rule above. */
export function indexServes(index: DeclaredIndex, shape: ShapeFields): boolean {
  const key = Object.entries(index.key);
  const eq = new Set(shape.equality);
  if (index.unique && key.every(([f]) => eq.has(f))) return true;
  if (eq.size === 0 && shape.sort.length === 0) return shape.range.includes(key[0]![0]);
  let p = 0;
  while (p < key.length && eq.has(key[p]![0])) p++;
  if (p !== eq.size) return false;
  return shape.sort.length === 0 || servesSort(key, p, shape.sort);
}

/** The _id index every collection has, then the declared ones. */
export function withIdIndex(declared: readonly DeclaredIndex[]): DeclaredIndex[] {
  return [{ key: { _id: 1 }, unique: true }, ...declared];
}

/** The first index that serves the shape, or undefined. */
export function coveringIndex(declared: readonly DeclaredIndex[], shape: ShapeFields): DeclaredIndex | undefined {
  return withIdIndex(declared).find((ix) => indexServes(ix, shape));
}
