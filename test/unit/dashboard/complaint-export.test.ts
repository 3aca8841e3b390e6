import assert from "node:assert/strict";
import { test } from "node:test";
import { stamp } from "../../../src/dashboard/controllers/complaint-export";

// Export file names carry the officer's calendar day: at 01:30 on 5 Dec in Bangkok it
// is still 4 Dec in UTC, and the file must say 2026-12-05.
test("export file names use the Bangkok date, not the UTC one", () => {
  const deps = { now: () => new Date("2026-12-04T18:30:00Z"), config: { timezone: "Asia/Bangkok" } } as unknown as Parameters<typeof stamp>[0];
  assert.equal(stamp(deps), "2026-12-05");
  const noon = { now: () => new Date("2026-12-04T05:00:00Z"), config: { timezone: "Asia/Bangkok" } } as unknown as Parameters<typeof stamp>[0];
  assert.equal(stamp(noon), "2026-12-04");
});
