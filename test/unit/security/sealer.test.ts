import assert from "node:assert/strict";
import { createCipheriv, randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { sealedAt } from "../../../src/security/seal-places";
import { createSealer } from "../../../src/security/sealer";

describe("sealer (AES-256-GCM with key ids, bound to its place)", () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const here = sealedAt.complaintReporter("6b0000000000000000000001");

  test("round-trips Thai text and does not contain the plaintext", () => {
    const s = createSealer({ keyId: "k1", key: k1 });
    const sealed = s.seal("U1234567890abcdef สมชาย 081-234-5678", here);
    assert.equal(sealed.includes("U1234567890abcdef"), false);
    assert.equal(s.open(sealed, here), "U1234567890abcdef สมชาย 081-234-5678");
    assert.notEqual(s.seal("x", here), s.seal("x", here), "a fresh IV every time");
  });

  test("a rotated key still opens old values and flags them for re-sealing", () => {
    const old = createSealer({ keyId: "k1", key: k1 });
    const sealed = old.seal("secret", here);
    const rotated = createSealer({ keyId: "k2", key: k2, oldKeys: { k1 } });
    assert.equal(rotated.open(sealed, here), "secret");
    assert.equal(rotated.needsRotation(sealed), true);
    assert.equal(rotated.needsRotation(rotated.seal("secret", here)), false);
  });

  test("tampering is detected", () => {
    const s = createSealer({ keyId: "k1", key: k1 });
    const parts = s.seal("secret", here).split(":");
    const ct = Buffer.from(parts[4]!, "base64");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64");
    assert.throws(() => s.open(parts.join(":"), here));
    assert.throws(() => createSealer({ keyId: "k9", key: k2 }).open(s.seal("x", here), here), /unknown encryption key id k1/);
  });

  test("issue 18 item 14: a sealed value moved to another record or field does not open", () => {
    const s = createSealer({ keyId: "k1", key: k1 });
    const sealed = s.seal("U-reporter", sealedAt.complaintReporter("6b0000000000000000000001"));
    assert.throws(() => s.open(sealed, sealedAt.complaintReporter("6b0000000000000000000002")), "another complaint");
    assert.throws(() => s.open(sealed, sealedAt.complaintContact("6b0000000000000000000001")), "another field");
    assert.throws(() => s.open(sealed, sealedAt.inboxPayload("6b0000000000000000000001")), "another collection");
  });

  test("issue 18 item 14: a shortened GCM tag is refused", () => {
    const s = createSealer({ keyId: "k1", key: k1 });
    const parts = s.seal("secret", here).split(":");
    for (const bytes of [4, 8, 12]) {
      const short = [...parts.slice(0, 3), Buffer.from(parts[3]!, "base64").subarray(0, bytes).toString("base64"), parts[4]].join(":");
      assert.throws(() => s.open(short, here), /16 bytes/, `${bytes}-byte tag`);
    }
  });

  test("a value stored before places were bound (v1) still opens, and is flagged for re-sealing", () => {
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", k1, iv);
    c.setAAD(Buffer.from("v1:k1"));
    const ct = Buffer.concat([c.update("legacy", "utf8"), c.final()]);
    const v1 = ["v1", "k1", iv.toString("base64"), c.getAuthTag().toString("base64"), ct.toString("base64")].join(":");
    const s = createSealer({ keyId: "k1", key: k1 });
    assert.equal(s.open(v1, here), "legacy");
    assert.equal(s.needsRotation(v1), true);
  });

  test("blind index is stable per key and differs across keys", () => {
    const a = createSealer({ keyId: "k1", key: k1 });
    assert.equal(a.blindIndex("U1"), a.blindIndex("U1"));
    assert.notEqual(a.blindIndex("U1"), a.blindIndex("U2"));
    assert.notEqual(a.blindIndex("U1"), createSealer({ keyId: "k2", key: k2 }).blindIndex("U1"));
  });

  test("blind indexes are the same after the cache of recent values fills and is cleared", () => {
    const a = createSealer({ keyId: "k1", key: k1 });
    const fresh = createSealer({ keyId: "k1", key: k1 });
    const first = Array.from({ length: 10 }, (_, i) => a.blindIndex(`line:U${i}`));
    for (let i = 0; i < 10_000; i++) a.blindIndex(`line:V${i}`); // past the cache's size, twice
    assert.deepEqual(Array.from({ length: 10 }, (_, i) => a.blindIndex(`line:U${i}`)), first);
    assert.deepEqual(Array.from({ length: 10 }, (_, i) => fresh.blindIndex(`line:U${i}`)), first);
  });

  test("no nonce repeats across many blocks of pooled randomness, and every value opens", () => {
    const s = createSealer({ keyId: "k1", key: k1 });
    const nonces = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const sealed = s.seal(`m${i}`, here);
      nonces.add(sealed.split(":")[2]!);
      if (i % 499 === 0) assert.equal(s.open(sealed, here), `m${i}`);
    }
    assert.equal(nonces.size, 3000);
    assert.ok([...nonces].every((n) => Buffer.from(n, "base64").length === 12));
  });
});
