import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { barChartSvg } from "../../../src/dashboard/charts/bar-chart.svg";

// Protects the server-drawn progress chart: one bar group per row, scaled, escaped.
describe("barChartSvg", () => {
  const chart = barChartSvg({
    id: "c",
    title: "ทดสอบ <b>",
    series: [{ name: "LINE", color: "#06c755" }, { name: "ประชุม", color: "#0b57d0" }],
    rows: [{ label: "อ.เมือง", values: [100, 50] }, { label: "<script>", values: [0, 0] }],
  }).value;

  test("is an accessible SVG with a title and one group per row", () => {
    assert.match(chart, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" id="c"/);
    assert.match(chart, /role="img" aria-labelledby="c-title"/);
    assert.equal((chart.match(/<g>/g) ?? []).length, 2);
  });
  test("escapes labels and titles", () => {
    assert.ok(!chart.includes("<script>"));
    assert.ok(!chart.includes("<b>"));
    assert.match(chart, /&lt;script&gt;/);
  });
  test("scales bars to a round maximum (150 → 200) across the plot width", () => {
    const widths = [...chart.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
    // plot width 760 - 150 - 70 = 540; 100/200 of it and 50/200 of it.
    assert.deepEqual(widths.slice(0, 2), [270, 135]);
  });
  test("no inline style attributes (CSP style-src 'self')", () => {
    assert.doesNotMatch(chart, /style=/);
  });
});
