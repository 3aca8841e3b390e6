import { createHmac, timingSafeEqual } from "node:crypto";

// LINE signs each webhook body with HMAC-SHA256 keyed by the channel secret, base64,
// in the x-line-signature header (developers.line.biz "Verify webhook signature").
export const SIGNATURE_HEADER = "x-line-signature";

export function signBody(channelSecret: string, body: string | Buffer): string {
  return createHmac("sha256", channelSecret).update(body).digest("base64");
}

export function verifyBodySignature(channelSecret: string, body: string | Buffer, signature: string): boolean {
  const expected = Buffer.from(signBody(channelSecret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
