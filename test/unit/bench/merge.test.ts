import assert from "node:assert/strict";
import { test } from "node:test";
import { mergeSections, splitSections } from "../../../bench/lib/merge";

const OLD = "# Sujarit benchmarks\n\nWritten by a full run.\n\n## Webhook ingest\n\nold ingest\n\n## Dashboard queries\n\nold dashboard\n\n## How it scales\n\nold scaling\n";

test("a partial run replaces its own sections and keeps the others in place", () => {
  const { header, sections } = splitSections(OLD);
  assert.match(header, /^# Sujarit benchmarks/);
  assert.deepEqual(sections.map((s) => s.title), ["Webhook ingest", "Dashboard queries", "How it scales"]);
  const fresh = splitSections("## Dashboard queries\n\nnew dashboard\n").sections;
  const merged = mergeSections(sections, fresh);
  assert.deepEqual(merged.map((s) => s.title), ["Webhook ingest", "Dashboard queries", "How it scales"]);
  assert.match(merged[1]!.text, /new dashboard/);
  assert.match(merged[0]!.text, /old ingest/);
  assert.match(merged[2]!.text, /old scaling/, "scaling is kept when the run did not write one");
});

test("a section new to the file goes before How it scales", () => {
  const { sections } = splitSections(OLD);
  const merged = mergeSections(sections, splitSections("## End to end\n\ne2e\n").sections);
  assert.deepEqual(merged.map((s) => s.title), ["Webhook ingest", "Dashboard queries", "End to end", "How it scales"]);
});
