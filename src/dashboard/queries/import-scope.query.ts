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
    const tambon = col("tambon") >= 0 ? (cells[col("tambon")] ?? "").trim() : "";
    const district = tambon ? getTambon(tambon)?.districtCode : col("district") >= 0 ? (cells[col("district")] ?? "").trim() : "";
    if (district && !inScope(scope, district)) errors.push({ line: i + 2, message: `district ${district} is not one of your districts` });
  });
  return errors;
}
