import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { createSealer } from "../../../src/security/sealer";

describe("sealer (AES-256-GCM with key ids)", () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  test("round-trips Thai text and does not contain the plaintext", () => {
    const s = createSealer({ keyId: "k1", key: k1 });
    const sealed = s.seal("U1234567890abcdef สมชาย 081-234-5678");
    assert.equal(sealed.includes("U1234567890abcdef"), false);
    assert.equal(s.open(sealed), "U1234567890abcdef สมชาย 081-234-5678");
    assert.notEqual(s.seal("x"), s.seal("x"), "a fresh IV every time");
  });

  test("a rotated key still opens old values and flags them for re-sealing", () => {
    const old = createSealer({ keyId: "k1", key: k1 });
    const sealed = old.seal("secret");
    const rotated = createSealer({ keyId: "k2", key: k2, oldKeys: { k1 } });
    assert.equal(rotated.open(sealed), "secret");
    assert.equal(rotated.needsRotation(sealed), true);
    assert.equal(rotated.needsRotation(rotated.seal("secret")), false);
  });

  test("tampering is detected", () => {
    const s = createSealer({ keyId: "k1", key: k1 });
    const parts = s.seal("secret").split(":");
    const ct = Buffer.from(parts[4]!, "base64");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64");
    assert.throws(() => s.open(parts.join(":")));
    assert.throws(() => createSealer({ keyId: "k9", key: k2 }).open(s.seal("x")), /unknown encryption key id k1/);
  });

  test("blind index is stable per key and differs across keys", () => {
    const a = createSealer({ keyId: "k1", key: k1 });
    assert.equal(a.blindIndex("U1"), a.blindIndex("U1"));
    assert.notEqual(a.blindIndex("U1"), a.blindIndex("U2"));
    assert.notEqual(a.blindIndex("U1"), createSealer({ keyId: "k2", key: k2 }).blindIndex("U1"));
  });
});
