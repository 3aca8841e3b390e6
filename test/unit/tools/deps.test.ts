import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { judge } from "../../../tools/deps/audit";
import { allowed, licenceOf } from "../../../tools/deps/licences";

// .ci/run's dependency checks: licences of production packages, and npm audit's
// verdict (high or critical fails; an unreachable advisory endpoint is said, not failed).
describe("licence check", () => {
  test("MIT, ISC, Apache-2.0 and BSD pass; copyleft and unknown do not", () => {
    for (const ok of ["MIT", "ISC", "Apache-2.0", "BSD-3-Clause", "(MIT OR GPL-3.0)", "MIT AND ISC"]) assert.ok(allowed(ok), ok);
    for (const no of ["GPL-3.0", "AGPL-3.0-only", "UNKNOWN", "MIT AND GPL-2.0", "SEE LICENSE IN LICENSE"]) assert.ok(!allowed(no), no);
  });

  test("a package without a license field is read from its LICENSE text", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lic-"));
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x" }));
    assert.equal(licenceOf(dir), "UNKNOWN");
    writeFileSync(path.join(dir, "LICENSE"), "Copyright x\n\nPermission is hereby granted, free of charge, to any person obtaining a copy");
    assert.equal(licenceOf(dir), "MIT");
  });
});

describe("npm audit verdict", () => {
  test("high or critical fails, moderate passes", () => {
    const report = (high: number) => JSON.stringify({ auditReportVersion: 2, vulnerabilities: high ? { axios: { severity: "high", via: [] } } : {}, metadata: { vulnerabilities: { low: 0, moderate: 1, high, critical: 0 } } });
    assert.equal(judge(report(1)).ok, false);
    assert.match(judge(report(1)).line, /axios \(high\)/);
    assert.deepEqual(judge(report(0)), { ok: true, checked: true, line: "npm audit: no high or critical advisories in production dependencies (1 moderate, 0 low)" });
  });

  test("an unreachable advisory endpoint is reported as not checked, without failing", () => {
    const v = judge(JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405, error: { summary: "" } }));
    assert.equal(v.ok, true);
    assert.equal(v.ok && v.checked, false);
    assert.match(v.line, /could not be reached .*NOT checked/);
    assert.equal(judge("").ok, true);
  });
});
