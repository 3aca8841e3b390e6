import type { Sealer } from "../../security/sealer";
import { claimOnce } from "../../locks/claim";
import { sealedAt } from "../../security/seal-places";
import { Officer, type OfficerDoc } from "../../models/officer.model";
import { base32Decode, newTotpSecret, verifyTotp } from "./totp";

// The second factor for everyone who can reveal reporter identities (admins and
// officers); an admin can require it of an account. The secret is sealed at rest with
// DATA_ENCRYPTION_KEY; the last accepted step is stored so a code works once.
export async function startTotpEnrolment(officer: OfficerDoc, sealer: Sealer): Promise<string> {
  const secret = newTotpSecret();
  await Officer.updateOne({ _id: officer._id }, { $set: { totpSecretSealed: sealer.seal(secret, sealedAt.totpSecret(String(officer._id))), totpEnabled: false, totpLastStep: 0 } });
  return secret;
}

/** Pending (not yet confirmed) secret, to show again on the enrolment page. */
export function pendingTotpSecret(officer: OfficerDoc, sealer: Sealer): string | undefined {
  return !officer.totpEnabled && officer.totpSecretSealed ? sealer.open(officer.totpSecretSealed, sealedAt.totpSecret(String(officer._id))) : undefined;
}

/**
 * Checks a code and records its step atomically: two requests with the same code
 * cannot both pass, because the update only matches while totpLastStep is older.
 */
export async function acceptTotpCode(officer: OfficerDoc, code: string, sealer: Sealer, at: Date): Promise<boolean> {
  if (!officer.totpSecretSealed) return false;
  const key = base32Decode(sealer.open(officer.totpSecretSealed, sealedAt.totpSecret(String(officer._id))));
  const step = verifyTotp(key, code.replace(/\s/g, ""), at, officer.totpLastStep ?? 0);
  if (step === undefined) return false;
  // One use per step, decided by an insert against a unique key: atomic on every
  // server, whereas a conditional update raced on FerretDB (12 parallel submissions
  // of one code gave two sessions). The claim outlives the ±1-step window.
  if (!(await claimOnce(`totp:${String(officer._id)}:${step}`, "used", new Date(at.getTime() + 5 * 60_000)))) return false;
  const r = await Officer.updateOne({ _id: officer._id, totpLastStep: { $lt: step } }, { $set: { totpLastStep: step } });
  return r.modifiedCount === 1;
}

export async function confirmTotpEnrolment(officer: OfficerDoc, code: string, sealer: Sealer, at: Date): Promise<boolean> {
  if (!(await acceptTotpCode(officer, code, sealer, at))) return false;
  await Officer.updateOne({ _id: officer._id }, { $set: { totpEnabled: true } });
  return true;
}

export async function disableTotp(officer: OfficerDoc): Promise<void> {
  await Officer.updateOne({ _id: officer._id }, { $set: { totpEnabled: false }, $unset: { totpSecretSealed: 1 } });
}

