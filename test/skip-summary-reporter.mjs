// A node:test reporter beside the spec reporter: it collects every skipped test with its
// reason and writes them as JSON lines, so test/run.ts can end with a summary of what was
// skipped and why (for example the checks that need LINE's OpenAPI spec).
export default async function* skipSummary(source) {
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const d = event.data;
    if (!d.skip) continue;
    const reason = typeof d.skip === "string" ? d.skip : "(no reason given)";
    const suite = d.details?.type === "suite";
    yield `${JSON.stringify({ file: d.file, name: d.name, reason, suite })}\n`;
  }
}
