import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ContentTooLargeError } from "../../../src/line/line-client";
import { LineApiError } from "../../../src/line/line-errors";
import { EvidenceError, MAX_EVIDENCE_BYTES, fetchEvidence, sniffImageType } from "../../../src/services/evidence.service";

// What the evidence service accepts is decided by the bytes, not the Content-Type.
describe("evidence checks", () => {
  test("JPEG, PNG and WEBP are recognised by their magic bytes; anything else is not", () => {
    assert.equal(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])), "image/jpeg");
    assert.equal(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), "image/png");
    assert.equal(sniffImageType(Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")])), "image/webp");
    assert.equal(sniffImageType(Buffer.from("GIF89a......")), null);
    assert.equal(sniffImageType(Buffer.from("%PDF-1.7")), null);
    assert.equal(sniffImageType(Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WAVE")])), null);
    assert.equal(sniffImageType(Buffer.alloc(0)), null);
  });

  test("LINE's 404/410, an oversized body and a non-image become EvidenceErrors; a 5xx is rethrown for a retry", async () => {
    const failing = (err: Error) => ({ getContent: async () => Promise.reject(err) });
    const cases: [Error, string | null][] = [
      [new LineApiError("client", 410, "gone"), "gone"],
      [new LineApiError("client", 404, "not found"), "gone"],
      [new ContentTooLargeError(`over ${MAX_EVIDENCE_BYTES}`), "too_large"],
      [new LineApiError("retryable", 500, "boom"), null],
    ];
    for (const [err, reason] of cases) {
      await assert.rejects(fetchEvidence(failing(err), "m1"), (e: unknown) => {
        if (reason === null) return e === err;
        return e instanceof EvidenceError && e.reason === reason && typeof e.userMessage === "string";
      });
    }
    const pdf = { getContent: async () => ({ contentType: "image/jpeg", data: Buffer.from("%PDF-1.4") }) };
    await assert.rejects(fetchEvidence(pdf, "m2"), (e: unknown) => e instanceof EvidenceError && e.reason === "bad_type");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
    const ok = { getContent: async () => ({ contentType: "application/octet-stream", data: png }) };
    assert.deepEqual(await fetchEvidence(ok, "m3"), { data: png, contentType: "image/png" }, "the declared type is ignored");
  });
});
