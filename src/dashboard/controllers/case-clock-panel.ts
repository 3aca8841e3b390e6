import { Types } from "mongoose";
import type { AppDeps } from "../../app-deps";
import { CaseClockRow } from "../../models/case-clock.model";
import { liveClock } from "../../services/case-clock/clock-sync";
import { caseClockPanel } from "../views/case-clock.view";
import type { SafeHtml } from "../views/html";

/** The case page's clock, computed now from the case and its thread (not the stored row, which may be a minute old). */
export async function caseClockPanelFor(deps: AppDeps, complaintId: string): Promise<SafeHtml | undefined> {
  const id = new Types.ObjectId(complaintId);
  const [clock, row] = await Promise.all([liveClock(deps, id, deps.now()), CaseClockRow.findById(id, { escalatedDueDay: 1 }).lean()]);
  return clock ? caseClockPanel(clock, deps.config.timezone, !!row?.escalatedDueDay) : undefined;
}
