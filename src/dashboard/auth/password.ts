import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// Officer passwords: scrypt (RFC 7914) with a per-password salt. N=2^15, r=8, p=1
// follows OWASP's Password Storage Cheat Sheet minimum for scrypt.
const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_LEN = 32;
export const MIN_PASSWORD_LENGTH = 12;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, keylen, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LEN, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split("$");
  if (alg !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const got = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-" + randomBytes(8).toString("hex"));
  await verifyPassword(password, await dummyHash);
}

export const MAX_PASSWORD_LENGTH = 256;
/** zxcvbn score 3: about 10^8 guesses or more ("safely unguessable" against an online attack). */
const MIN_STRENGTH = 3;
let estimator: ZxcvbnFactory | undefined;

/**
 * Thai message when a new password is too weak, else undefined. NIST SP 800-63B
 * §5.1.1.2: at least 12 characters here, no composition rules, and never a common,
 * breached, repetitive or sequential password or one built on the username. The
 * check is zxcvbn-ts with its common-password and common-word lists (passwords
 * from breaches, keyboard patterns, repeats, years and dates).
 */
export function passwordProblem(password: string, username: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `รหัสผ่านต้องยาวอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษรค่ะ`;
  if (password.length > MAX_PASSWORD_LENGTH) return `รหัสผ่านต้องยาวไม่เกิน ${MAX_PASSWORD_LENGTH} ตัวอักษรค่ะ`;
  if (password.toLowerCase().includes(username.toLowerCase())) return "รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้นค่ะ";
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  if (estimator.check(password, [username, "sujarit", "สุจริต"]).score < MIN_STRENGTH) {
    return "รหัสผ่านนี้เดาง่ายหรือเคยรั่วไหล (เช่น คำที่ใช้บ่อย ตัวซ้ำ หรือเรียงแป้นพิมพ์) กรุณาใช้วลียาว ๆ ที่คนอื่นเดาไม่ได้ค่ะ";
  }
  return undefined;
}
