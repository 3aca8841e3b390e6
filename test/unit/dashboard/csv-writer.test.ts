import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import { UTF8_BOM, csvCell, csvDocument, writeCsvStream } from "../../../src/dashboard/csv/csv-writer";

// Protects exports opened in Excel: Thai must survive (BOM) and no cell may run as a formula.
describe("csvCell", () => {
  test("neutralises cells starting with = + - @ tab and CR", () => {
    for (const s of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) {
      assert.ok(csvCell(s).replace(/^"/, "").startsWith("'"), `${JSON.stringify(s)} → ${csvCell(s)}`);
    }
    assert.equal(csvCell("=1+1"), "'=1+1");
    assert.equal(csvCell("ปกติ"), "ปกติ");
  });
  test("quotes commas, quotes and newlines (RFC 4180)", () => {
    assert.equal(csvCell('a,"b"\nc'), '"a,""b""\nc"');
    assert.equal(csvCell("=a,b"), `"'=a,b"`);
  });
  test("numbers stay numbers, even negative; null is empty", () => {
    assert.equal(csvCell(-5), "-5");
    assert.equal(csvCell(null), "");
    assert.equal(csvCell(Number.NaN), "");
    assert.equal(csvCell(new Date("2025-01-02T03:04:05Z")), "2025-01-02T03:04:05.000Z");
  });
});

describe("CSV documents", () => {
  test("start with the UTF-8 BOM and end rows with CRLF", () => {
    const doc = csvDocument(["อำเภอ", "จำนวน"], [["เมือง", 3]]);
    assert.ok(doc.startsWith(UTF8_BOM));
    assert.equal(doc, `${UTF8_BOM}อำเภอ,จำนวน\r\nเมือง,3\r\n`);
  });
  test("the stream writer writes every row, once, with backpressure", async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    async function* rows() {
      for (let i = 0; i < 5000; i++) yield [i, `แถว ${i}`, "@x"];
    }
    const n = await writeCsvStream(out, ["n", "text", "f"], rows());
    out.end();
    await new Promise((r) => out.on("end", r));
    const text = Buffer.concat(chunks).toString("utf8");
    assert.equal(n, 5000);
    const lines = text.split("\r\n");
    assert.equal(lines.length, 5002);
    assert.equal(lines[0], `${UTF8_BOM}n,text,f`);
    assert.equal(lines[4999 + 1], "4999,แถว 4999,'@x");
  });
});
