import type { ComplaintStatus } from "../../models/complaint.model";

// How long a case may wait, in working days of APP_TIMEZONE (CASE_DEADLINES).
//
// firstResponse: from submission until the reporter first hears from an officer
//   (a status change or a message). Default 3 working days: a service standard of
//   this project (issue 24), not a legal rule.
// per open status: from the last update the reporter was sent (or submission)
//   until the next one on the outcome or progress. Default 15.
//   SOURCE [U], CHECK BEFORE LAUNCH: Thai administrative rules set a 15-day answer
//   period for matters the public raises; the usual citation is พระราชกฤษฎีกาว่าด้วย
//   หลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี พ.ศ. 2546 มาตรา 38. That text is NOT in
//   the project's researched reference on Thai rules, so neither the section nor whether the 15 days are
//   calendar or working days is confirmed. If they are calendar days, lower these
//   values (15 calendar days ≈ 11 working days) before launch.
// Resolved and dismissed cases have no deadline.
export type OpenStatus = Extract<ComplaintStatus, "received" | "under_review" | "referred">;
export const OPEN_STATUSES: readonly OpenStatus[] = ["received", "under_review", "referred"];

export interface DeadlinePolicy {
  firstResponse: number;
  byStatus: Readonly<Record<OpenStatus, number>>;
}

export const DEFAULT_CASE_DEADLINES = "first_response:3,received:15,under_review:15,referred:15";
export const CASE_DEADLINES_PATTERN = /^(first_response|received|under_review|referred):\d{1,3}(,(first_response|received|under_review|referred):\d{1,3})*$/;

/** "first_response:3,under_review:15" → a policy; missing entries keep the defaults. */
export function parseDeadlinePolicy(spec: string): DeadlinePolicy {
  const out = { firstResponse: 3, byStatus: { received: 15, under_review: 15, referred: 15 } };
  for (const part of spec.split(",").filter(Boolean)) {
    const [key, value] = part.split(":") as [string, string];
    const days = Number(value);
    if (!Number.isInteger(days) || days < 1) throw new RangeError(`CASE_DEADLINES: ${key} must be at least 1 working day`);
    if (key === "first_response") out.firstResponse = days;
    else if ((OPEN_STATUSES as readonly string[]).includes(key)) out.byStatus[key as OpenStatus] = days;
    else throw new RangeError(`CASE_DEADLINES: unknown key ${key}`);
  }
  return out;
}

export function isOpenStatus(s: string): s is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(s);
}
