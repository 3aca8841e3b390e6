import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { hashPassword, passwordProblem, verifyPassword } from "../../../src/dashboard/auth/password";

// Protects officer passwords at rest.
describe("scrypt password hashing", () => {
  test("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("ยาวพอแล้วนะคะ1234");
    const b = await hashPassword("ยาวพอแล้วนะคะ1234");
    assert.match(a, /^scrypt\$32768\$8\$1\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword("ยาวพอแล้วนะคะ1234", a), true);
    assert.equal(await verifyPassword("ยาวพอแล้วนะคะ1235", a), false);
    assert.equal(await verifyPassword("x", "plain-text"), false);
  });
  test("Thai passwords typed in another normal form still match (NFC)", async () => {
    const h = await hashPassword("caf\u00e9-password-1");
    assert.equal(await verifyPassword("cafe\u0301-password-1", h), true);
  });
  test("weak passwords are refused with a Thai reason", () => {
    assert.match(passwordProblem("short", "somchai")!, /12/);
    assert.match(passwordProblem("somchai-is-great", "somchai")!, /ชื่อผู้ใช้/);
    assert.equal(passwordProblem("a-long-enough-secret", "somchai"), undefined);
  });
});
