import { HOTP, Secret, TOTP } from "otpauth";

// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) from otpauth.
// Authenticator apps use SHA-1, 6 digits, 30 s; the RFC 6238 test vectors use
// 8 digits and also SHA-256/512, so all three are supported.
export type TotpAlgorithm = "sha1" | "sha256" | "sha512";

export interface TotpOptions {
  stepSeconds?: number;
  digits?: number;
  algorithm?: TotpAlgorithm;
}

const secretOf = (key: Buffer) => new Secret({ buffer: Uint8Array.from(key).buffer });

export function hotp(key: Buffer, counter: number, digits = 6, algorithm: TotpAlgorithm = "sha1"): string {
  return HOTP.generate({ secret: secretOf(key), counter, digits, algorithm: algorithm.toUpperCase() });
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
  const period = opts.stepSeconds ?? 30;
  const delta = TOTP.validate({ token: code, secret: secretOf(key), algorithm: (opts.algorithm ?? "sha1").toUpperCase(), digits, period, timestamp: at.getTime(), window });
  if (delta === null) return undefined;
  const step = totpStep(at, period) + delta;
  return step > lastStep ? step : undefined;
}

/** RFC 4648 base32 without padding, the form authenticator apps take. */
export function base32Encode(buf: Buffer): string {
  return secretOf(buf).base32;
}

export function base32Decode(s: string): Buffer {
  return Buffer.from(Secret.fromBase32(s.replace(/[\s=-]/g, "")).buffer);
}

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits), base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** otpauth:// URI (Google Authenticator key-uri format) for manual entry or a QR code. */
export function otpauthUri(secretB32: string, account: string, issuer = "Sujarit"): string {
  return new TOTP({ issuer, label: account, secret: Secret.fromBase32(secretB32), algorithm: "SHA1", digits: 6, period: 30 }).toString();
}
