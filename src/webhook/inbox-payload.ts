import { sealedAt } from "../security/seal-places";
import type { Sealer } from "../security/sealer";

// Webhook payloads carry LINE user ids next to what people wrote, complaints
// included, so the inbox keeps them sealed (AES-256-GCM, like reporter identity),
// bound to their row. Processing opens them; the literal text is preserved byte for byte.
export function sealPayload(raw: string, webhookEventId: string, sealer: Sealer): string {
  return sealer.seal(raw, sealedAt.inboxPayload(webhookEventId));
}

export function openPayload(row: { _id: string; payload: string }, sealer: Sealer): string {
  return row.payload.startsWith("{") ? row.payload : sealer.open(row.payload, sealedAt.inboxPayload(row._id));
}
