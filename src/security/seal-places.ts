import type { SealContext } from "./sealer";

// Where each sealed value lives: its collection, field and record id are bound to
// it (sealer.ts), so a value copied elsewhere does not open. One table, so the
// writer and every reader of a field name the same place.
const at = (collection: string, field: string, id: string): SealContext => ({ collection, field, id });

export const sealedAt = {
  /** The webhook body of an inbox row (_id = webhookEventId). */
  inboxPayload: (webhookEventId: string) => at("inboxevents", "payload", webhookEventId),
  /** A complaint's reporter LINE id; the outbox opens the copy it pushes to with the same place (refId = complaint id). */
  complaintReporter: (complaintId: string) => at("complaints", "reporterSealed", complaintId),
  complaintContact: (complaintId: string) => at("complaints", "contactSealed", complaintId),
  /** Contact details in a complaint draft (flow state), keyed by the draft id. */
  draftName: (draftId: string) => at("flowstates", "complaint.nameSealed", draftId),
  draftContact: (draftId: string) => at("flowstates", "complaint.contactSealed", draftId),
  totpSecret: (officerId: string) => at("officers", "totpSecretSealed", officerId),
  /** A push's recipient kept sealed in its outbox row (dedupeKey is unique per row). */
  outboxRecipient: (dedupeKey: string) => at("outboxmessages", "toSealed", dedupeKey),
};
