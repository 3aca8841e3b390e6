import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Time-based one-time passwords: HOTP (RFC 4226) over 30-second steps (RFC 6238).
// Authenticator apps use SHA-1, 6 digits, 30 s; the RFC 6238 test vectors use
// 8 digits and also SHA-256/512, so all three are supported.
export type TotpAlgorithm = "sha1" | "sha256" | "sha512";

export interface TotpOptions {
  stepSeconds?: number;
  digits?: number;
  algorithm?: TotpAlgorithm;
}

export function hotp(key: Buffer, counter: number, digits = 6, algorithm: TotpAlgorithm = "sha1"): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  // Dynamic truncation, RFC 4226 §5.3.
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, "0");
}

export function totpStep(at: Date, stepSeconds = 30): number {
  return Math.floor(at.getTime() / 1000 / stepSeconds);
}

export function totp(key: Buffer, at: Date, opts: TotpOptions = {}): string {
  return hotp(key, totpStep(at, opts.stepSeconds), opts.digits, opts.algorithm);
}

/**
 * The step a code matches within ±window steps of `at` (clock drift, RFC 6238 §5.2),
 * or undefined. Steps at or before `lastStep` are refused: a code is used once.
 */
export function verifyTotp(key: Buffer, code: string, at: Date, lastStep = 0, window = 1, opts: TotpOptions = {}): number | undefined {
  const digits = opts.digits ?? 6;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return undefined;
  const now = totpStep(at, opts.stepSeconds);
  for (let s = now - window; s <= now + window; s++) {
    if (s <= lastStep) continue;
    const want = Buffer.from(hotp(key, s, digits, opts.algorithm));
    if (timingSafeEqual(want, Buffer.from(code))) return s;
  }
  return undefined;
}

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding, the form authenticator apps take. */
export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.toUpperCase().replace(/[\s=-]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = B32.indexOf(ch);
    if (idx < 0) throw new Error("not base32");
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** otpauth:// URI (Google Authenticator key-uri format) for manual entry or a QR code. */
export function otpauthUri(secretB32: string, account: string, issuer = "Sujarit"): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretB32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
