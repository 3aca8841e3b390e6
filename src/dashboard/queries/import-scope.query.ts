import { getTambon } from "../../content/areas/areas";
import { parseCsv, type LineError } from "../../services/meeting-import.service";
import { inScope, type Scope } from "../auth/principal";

// District officers import only their own districts' villages and meetings. The
// import service checks the data; this checks whose data it is, line by line,
// before anything is written. (Thin check: the import service has no scope.)
export function outOfScopeLines(csv: string, scope: Scope): LineError[] {
  if (scope.all) return [];
  const rows = parseCsv(csv);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const errors: LineError[] = [];
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    // Every district the line names must be the officer's: the tambon's and the district column's
    // (a district meeting is written to the district column even when a tambon is given).
    const tambon = col("tambon") >= 0 ? (cells[col("tambon")] ?? "").trim() : "";
    const named = [tambon ? getTambon(tambon)?.districtCode : undefined, col("district") >= 0 ? (cells[col("district")] ?? "").trim() : undefined];
    const outside = named.find((d) => d && !inScope(scope, d));
    if (outside) errors.push({ line: i + 2, message: `district ${outside} is not one of your districts` });
  });
  return errors;
}
