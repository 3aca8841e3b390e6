import { spawnSync } from "node:child_process";
import path from "node:path";

// `npm audit --omit=dev --audit-level=high` for .ci/run: exit 1 when a production
// dependency has a high or critical advisory. When the registry's advisory endpoint
// cannot be reached (offline CI, or a registry mirror without it, which answers
// 405 to the bulk advisory POST), it says so and exits 0: not checked is not failed.
interface AuditJson {
  error?: { summary?: string };
  message?: string;
  statusCode?: number;
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number } };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
}

export type AuditVerdict = { ok: true; checked: boolean; line: string } | { ok: false; line: string };

export function judge(stdout: string): AuditVerdict {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    return { ok: true, checked: false, line: "npm audit: no answer from the advisory endpoint; production dependencies NOT checked for advisories" };
  }
  if (json.error || json.statusCode || !json.metadata) {
    const why = json.message ?? json.error?.summary ?? "no metadata";
    return { ok: true, checked: false, line: `npm audit: the advisory endpoint could not be reached (${why}); production dependencies NOT checked for advisories` };
  }
  const v = json.metadata.vulnerabilities ?? {};
  const high = (v.high ?? 0) + (v.critical ?? 0);
  if (high > 0) {
    const names = Object.entries(json.vulnerabilities ?? {})
      .filter(([, x]) => x.severity === "high" || x.severity === "critical")
      .map(([name, x]) => `${name} (${x.severity})`);
    return { ok: false, line: `npm audit: ${high} high or critical advisories in production dependencies: ${names.join(", ")}` };
  }
  return { ok: true, checked: true, line: `npm audit: no high or critical advisories in production dependencies (${v.moderate ?? 0} moderate, ${v.low ?? 0} low)` };
}

function main(): void {
  const root = path.resolve(__dirname, "../..");
  const r = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  const verdict = judge(r.stdout ?? "");
  (verdict.ok ? console.log : console.error)(verdict.line);
  process.exit(verdict.ok ? 0 : 1);
}

if (require.main === module) main();
