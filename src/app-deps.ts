import type { Config } from "./config";
import type { FlowRegistry } from "./flows/flow-engine";
import type { FlowStore } from "./flows/flow-store";
import type { LineClient } from "./line/line-client";
import type { Outbox } from "./line/outbox";
import type { Logger } from "./logger";
import type { Sealer } from "./security/sealer";
import type { AnnouncementSender } from "./services/announcement-dispatch.service";

// Everything a handler, job or controller may need, built once in runtime.ts.
// Tests build it with the same function and point LINE at the emulator.
export interface AppDeps {
  config: Config;
  logger: Logger;
  line: LineClient;
  outbox: Outbox;
  sealer: Sealer;
  flowStore: FlowStore;
  flows: FlowRegistry;
  /** Sends scheduled announcements (issue 22); absent in jobs that send none. */
  announcements?: AnnouncementSender;
  /** The clock; tests inject a controlled one. */
  now: () => Date;
}
