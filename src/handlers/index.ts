import type { FlowDefinition } from "../flows/flow-engine";
import type { BotModule } from "../webhook/router";
import { announcementModule } from "./announcement.handler";
import { complaintModule } from "./complaint.handler";
import { explainerModule } from "./explainer.handler";
import { meetingModule } from "./meeting.handler";
import { officerLineModule } from "./officer-line.handler";
import { pledgeModule } from "./pledge.handler";
import { privacyModule } from "./privacy.handler";

// Every domain's actions, commands and flows, in one list. Add a module here.
export const BOT_MODULES: readonly BotModule[] = [explainerModule, complaintModule, meetingModule, pledgeModule, privacyModule, officerLineModule, announcementModule];

export function allFlows(modules: readonly BotModule[] = BOT_MODULES): FlowDefinition[] {
  return modules.flatMap((m) => m.flows ?? []);
}
