import type { Sealer } from "../security/sealer";

// Webhook payloads carry LINE user ids next to what people wrote, complaints
// included, so the inbox keeps them sealed (AES-256-GCM, like reporter identity).
// Processing opens them; the literal text is preserved byte for byte.
export function sealPayload(raw: string, sealer: Sealer): string {
  return sealer.seal(raw);
}

export function openPayload(stored: string, sealer: Sealer): string {
  return stored.startsWith("{") ? stored : sealer.open(stored);
}
