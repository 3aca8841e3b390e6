import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { describe, test } from "node:test";
import { MULTIPART_LIMITS, parseMultipart } from "../../../src/dashboard/http/multipart";

// Protects the CSV upload forms: fields and files come out byte for byte, and
// busboy's limits (parts, fields, sizes, file count) refuse with 413, not 500.
async function encode(form: FormData): Promise<{ body: Buffer; type: string }> {
  const req = new Request("http://x/", { method: "POST", body: form });
  return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get("content-type")! };
}

const status = (err: unknown) => (err as { status?: number }).status;

describe("parseMultipart", () => {
  test("reads text fields and a file with Thai content", async () => {
    const form = new FormData();
    form.set("_csrf", "tok");
    form.set("csv", "");
    form.set("file", new Blob(["\uFEFFtambon,village,name\r\n400101,4,โนนทัน\r\n"], { type: "text/csv" }), "หมู่บ้าน.csv");
    const { body, type } = await encode(form);
    const { fields, files } = await parseMultipart(body, type);
    assert.deepEqual(fields, { _csrf: "tok", csv: "" });
    assert.equal(files.file!.contentType, "text/csv");
    assert.equal(files.file!.filename, "หมู่บ้าน.csv");
    assert.equal(files.file!.data.toString("utf8"), "\uFEFFtambon,village,name\r\n400101,4,โนนทัน\r\n");
    const streamed = await parseMultipart(Readable.from([body.subarray(0, 50), body.subarray(50)]), type);
    assert.deepEqual(streamed.fields, fields);
  });

  test("refuses a body without a boundary", async () => {
    await assert.rejects(parseMultipart(Buffer.from("x"), "multipart/form-data"), (e) => /boundary/i.test((e as Error).message) && status(e) === 400);
  });

  test("a repeated field (checkboxes) becomes a list", async () => {
    const form = new FormData();
    form.append("districts", "4001");
    form.append("districts", "4002");
    form.append("title", "ประกาศ");
    const a = await encode(form);
    const { fields } = await parseMultipart(a.body, a.type);
    assert.deepEqual(fields, { districts: ["4001", "4002"], title: "ประกาศ" });
  });

  test("refuses too many fields, a second file, and a file over the size limit with 413", async () => {
    const many = new FormData();
    for (let i = 0; i <= MULTIPART_LIMITS.fields; i++) many.set(`f${i}`, "x");
    const a = await encode(many);
    await assert.rejects(parseMultipart(a.body, a.type), (e) => status(e) === 413);

    const two = new FormData();
    two.append("file", new Blob(["a"]), "a.csv");
    two.append("file2", new Blob(["b"]), "b.csv");
    const b = await encode(two);
    await assert.rejects(parseMultipart(b.body, b.type), (e) => status(e) === 413);

    const big = new FormData();
    big.set("file", new Blob([Buffer.alloc(1001, 0x61)]), "big.csv");
    const c = await encode(big);
    await assert.rejects(parseMultipart(c.body, c.type, { ...MULTIPART_LIMITS, fileSize: 1000 }), (e) => status(e) === 413);
    const ok = await parseMultipart(c.body, c.type, { ...MULTIPART_LIMITS, fileSize: 1001 });
    assert.equal(ok.files.file!.data.length, 1001);
  });

  test("refuses fields and files that together pass the body limit", async () => {
    const form = new FormData();
    form.set("csv", "x".repeat(600));
    form.set("file", new Blob([Buffer.alloc(600, 0x61)]), "a.csv");
    const { body, type } = await encode(form);
    await assert.rejects(parseMultipart(body, type, { ...MULTIPART_LIMITS, totalBytes: 1000 }), (e) => status(e) === 413);
  });
});
