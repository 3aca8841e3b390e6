import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseMultipart } from "../../../src/dashboard/http/multipart";

// Protects the CSV upload forms: fields and files come out byte for byte.
describe("parseMultipart", () => {
  test("reads text fields and a file with Thai content", async () => {
    const form = new FormData();
    form.set("_csrf", "tok");
    form.set("csv", "");
    form.set("file", new Blob(["\uFEFFtambon,village,name\r\n400101,4,โนนทัน\r\n"], { type: "text/csv" }), "หมู่บ้าน.csv");
    const req = new Request("http://x/", { method: "POST", body: form });
    const body = Buffer.from(await req.arrayBuffer());
    const { fields, files } = parseMultipart(body, req.headers.get("content-type")!);
    assert.deepEqual(fields, { _csrf: "tok", csv: "" });
    assert.equal(files.file!.contentType, "text/csv");
    assert.equal(files.file!.data.toString("utf8"), "\uFEFFtambon,village,name\r\n400101,4,โนนทัน\r\n");
  });
  test("a repeated field (checkboxes) becomes a list", async () => {
    const form = new FormData();
    form.append("districts", "4001");
    form.append("districts", "4002");
    form.append("title", "ประกาศ");
    const req = new Request("http://x/", { method: "POST", body: form });
    const { fields } = parseMultipart(Buffer.from(await req.arrayBuffer()), req.headers.get("content-type")!);
    assert.deepEqual(fields, { districts: ["4001", "4002"], title: "ประกาศ" });
  });
  test("refuses a body without a boundary", () => {
    assert.throws(() => parseMultipart(Buffer.from("x"), "multipart/form-data"), /boundary/);
  });
});
