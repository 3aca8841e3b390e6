import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { escapeHtml, html, queryString, safeHref, trusted } from "../../../src/dashboard/views/html";

// Protects every page against XSS: complaint text is attacker-controlled.
describe("html tag", () => {
  test("escapes interpolated strings, including attribute breakers", () => {
    const evil = `<script>alert(1)</script>" onmouseover='x' \`=`;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    assert.ok(!out.includes("<script>"));
    assert.ok(!/title="[^"]*"\s*onmouseover/.test(out));
    assert.equal(escapeHtml(`&<>"'\`=`), "&amp;&lt;&gt;&quot;&#39;&#96;&#61;");
  });
  test("nests SafeHtml without double escaping, joins arrays, drops null/false", () => {
    const inner = html`<b>${"a&b"}</b>`;
    assert.equal(html`<i>${inner}${["x", html`<br>`]}${null}${undefined}${false}${0}</i>`.value, "<i><b>a&amp;b</b>x<br>0</i>");
    assert.equal(html`${trusted("<hr>")}`.value, "<hr>");
  });
  test("safeHref allows only local paths and http(s)", () => {
    assert.equal(safeHref("/officer/x"), "/officer/x");
    assert.equal(safeHref("//evil.example/x"), "#");
    assert.equal(safeHref("javascript:alert(1)"), "#");
    assert.equal(safeHref("https://www.openstreetmap.org/?mlat=16"), "https://www.openstreetmap.org/?mlat=16");
  });
  test("queryString skips empty values and encodes", () => {
    assert.equal(queryString({ a: "ก ข", b: "", c: undefined, d: 2 }), "?a=%E0%B8%81+%E0%B8%82&d=2");
    assert.equal(queryString({}), "");
  });
});
