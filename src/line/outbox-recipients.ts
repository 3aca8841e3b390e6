import { sealedAt } from "../security/seal-places";
import type { Sealer } from "../security/sealer";
import { recipientsOf } from "../models/outbox-message.model";

// Recipients an outbox row keeps sealed instead of in clear: pushes to a reporter and
// answers that fall back to a push, whose rows would otherwise put a LINE id next to
// the exact time of an (anonymous) complaint (docs/security.md). The sealed value is
// bound to the row's dedupeKey (unique per row).
export function sealedRecipients(sealer: Sealer, packed: string, dedupeKey: string): { to: string; toSealed: string } {
  return { to: "", toSealed: sealer.seal(packed, sealedAt.outboxRecipient(dedupeKey)) };
}

/** A row's sealed recipients: bound to the row, or, in rows written before, a complaint's sealed reporter (refId = complaint id). */
export function openRecipients(sealer: Sealer, row: { toSealed?: string | null; dedupeKey: string; refId?: string | null }): string[] {
  try {
    return recipientsOf({ to: sealer.open(row.toSealed!, sealedAt.outboxRecipient(row.dedupeKey)) });
  } catch {
    return [sealer.open(row.toSealed!, sealedAt.complaintReporter(String(row.refId)))];
  }
}
