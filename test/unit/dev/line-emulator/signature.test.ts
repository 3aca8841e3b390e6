import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { validateSignature } from "@line/bot-sdk";
import { signBody, verifyBodySignature } from "../../../../src/dev/line-emulator";

// Known answer from LINE's docs ("Verify webhook signature"; line.md §1.5).
const BODY = '{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}';
const SECRET = "8c570fa6dd201bb328f1c1eac23a96d8";
const EXPECTED = "GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=";

describe("signBody", () => {
  test("matches LINE's documented signature for string and Buffer bodies", () => {
    assert.equal(signBody(SECRET, BODY), EXPECTED);
    assert.equal(signBody(SECRET, Buffer.from(BODY, "utf8")), EXPECTED);
  });

  test("agrees with the SDK's validateSignature and changes with any byte", () => {
    assert.equal(validateSignature(BODY, SECRET, signBody(SECRET, BODY)), true);
    assert.notEqual(signBody(SECRET, BODY.replace("[]", "[ ]")), EXPECTED);
    assert.equal(verifyBodySignature(SECRET, BODY, EXPECTED), true);
    assert.equal(verifyBodySignature(SECRET, BODY, EXPECTED.replace("G", "H")), false);
    assert.equal(verifyBodySignature("other-secret", BODY, EXPECTED), false);
  });
});
