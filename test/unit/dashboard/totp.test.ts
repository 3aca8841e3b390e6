import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp } from "../../../src/dashboard/auth/totp";

// Protects the admin second factor: the published RFC vectors must match exactly.
const SEED_SHA1 = Buffer.from("12345678901234567890");
const SEED_SHA256 = Buffer.from("12345678901234567890123456789012");
const SEED_SHA512 = Buffer.from("1234567890123456789012345678901234567890123456789012345678901234");

describe("HOTP (RFC 4226 Appendix D)", () => {
  test("counters 0–9 give the published 6-digit values", () => {
    const want = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    assert.deepEqual(want.map((_, i) => hotp(SEED_SHA1, i)), want);
  });
});

describe("TOTP (RFC 6238 Appendix B)", () => {
  const vectors: [number, string, string, string][] = [
    [59, "94287082", "46119246", "90693936"],
    [1111111109, "07081804", "68084774", "25091201"],
    [1111111111, "14050471", "67062674", "99943326"],
    [1234567890, "89005924", "91819424", "93441116"],
    [2000000000, "69279037", "90698825", "38618901"],
    [20000000000, "65353130", "77737706", "47863826"],
  ];
  for (const [t, sha1, sha256, sha512] of vectors) {
    test(`T=${t}s for SHA-1, SHA-256 and SHA-512`, () => {
      const at = new Date(t * 1000);
      assert.equal(totp(SEED_SHA1, at, { digits: 8, algorithm: "sha1" }), sha1);
      assert.equal(totp(SEED_SHA256, at, { digits: 8, algorithm: "sha256" }), sha256);
      assert.equal(totp(SEED_SHA512, at, { digits: 8, algorithm: "sha512" }), sha512);
    });
  }
});

describe("verifyTotp", () => {
  const at = new Date(1234567890_000);
  test("accepts the current code and one step of drift, refuses two", () => {
    const step = Math.floor(1234567890 / 30);
    assert.equal(verifyTotp(SEED_SHA1, totp(SEED_SHA1, at), at), step);
    assert.equal(verifyTotp(SEED_SHA1, totp(SEED_SHA1, new Date(at.getTime() - 30_000)), at), step - 1);
    assert.equal(verifyTotp(SEED_SHA1, totp(SEED_SHA1, new Date(at.getTime() - 60_000)), at), undefined);
  });
  test("a code is not accepted again once its step was used (replay)", () => {
    const code = totp(SEED_SHA1, at);
    const step = verifyTotp(SEED_SHA1, code, at)!;
    assert.equal(verifyTotp(SEED_SHA1, code, at, step), undefined);
  });
  test("rejects malformed codes", () => {
    assert.equal(verifyTotp(SEED_SHA1, "12345", at), undefined);
    assert.equal(verifyTotp(SEED_SHA1, "abcdef", at), undefined);
  });
});

describe("base32 (RFC 4648 §10 vectors, unpadded)", () => {
  test("encodes and decodes", () => {
    const cases: [string, string][] = [["f", "MY"], ["fo", "MZXQ"], ["foo", "MZXW6"], ["foob", "MZXW6YQ"], ["fooba", "MZXW6YTB"], ["foobar", "MZXW6YTBOI"]];
    for (const [plain, enc] of cases) {
      assert.equal(base32Encode(Buffer.from(plain)), enc);
      assert.equal(base32Decode(enc).toString(), plain);
    }
    assert.throws(() => base32Decode("M1"));
  });
  test("otpauth URI names the issuer and account", () => {
    const uri = new URL(otpauthUri("MZXW6", "admin"));
    assert.equal(uri.protocol + uri.host, "otpauth:totp");
    assert.equal(decodeURIComponent(uri.pathname), "/Sujarit:admin");
    assert.deepEqual(Object.fromEntries(uri.searchParams), { secret: "MZXW6", issuer: "Sujarit", algorithm: "SHA1", digits: "6", period: "30" });
  });
});
