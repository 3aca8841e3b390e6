import { randomUUID } from "node:crypto";
import type { AppDeps } from "../../../src/app-deps";
import type { Runtime } from "../../../src/runtime";
import { createDeadlineJob } from "../../../src/scheduler/deadline.job";
import { submitComplaint } from "../../../src/services/complaint.service";
import { issueLinkCode } from "../../../src/services/officer-line.service";
import type { Harness } from "../../helpers/harness";
import { say } from "../complaint-driver";
import { sealedAt } from "../../../src/security/seal-places";

// Shared by the case-clock tests: cases filed through the complaint service (with a
// tambon), officers linked through the chat, and one deadline tick per process.
export const SECRET_TEXT = "นายก อบต. เรียกเงินสามหมื่นบาท ลับเฉพาะ 7731";

export async function fileCase(deps: AppDeps, lineUserId: string, where: { districtCode: string; tambonCode?: string } = { districtCode: "4001", tambonCode: "400101" }) {
  const draftId = randomUUID();
  const { complaint } = await submitComplaint(deps, {
    draftId,
    lineUserId,
    category: "bribe",
    what: SECRET_TEXT,
    who: "ปลัด อบต.",
    where,
    when: { text: "เมื่อวานนี้" },
    evidence: [],
    anonymous: false,
    contactSealed: deps.sealer.seal(JSON.stringify({ name: "สมชาย ผู้แจ้งลับ", phone: "089-999-1234" }), sealedAt.draftContact(draftId)),
  });
  return complaint;
}

/** The officer types the dashboard's one-time code into the chat. */
export async function linkOfficer(h: Harness, officerId: string, lineUserId: string): Promise<string> {
  const { code } = await issueLinkCode(officerId, h.bot.deps.now());
  const replies = await say(h, lineUserId, `เชื่อมบัญชีเจ้าหน้าที่ ${code}`);
  return replies.map((m) => m.text ?? "").join(" ");
}

export function tickOn(rt: Runtime, owner: string, now: Date) {
  return createDeadlineJob(rt.deps, owner).tick(now);
}
