import assert from "node:assert/strict";
import { BROADCAST_SLOT_MS } from "../../../src/line/broadcast-pacer";

import { test } from "node:test";

// 60 broadcasts in any rolling hour (line.md §3): one per slot, and a rolling hour can
// overlap at most 60 slots of this length.
test("a rolling hour overlaps at most 60 broadcast slots", () => {
  const maxSlots = Math.ceil(3_600_000 / BROADCAST_SLOT_MS) + 1;
  assert.ok(maxSlots <= 60, `${maxSlots} slots`);
  let worst = 0;
  for (let t = 0; t < BROADCAST_SLOT_MS; t += 997) worst = Math.max(worst, Math.floor((t + 3_600_000 - 1) / BROADCAST_SLOT_MS) - Math.floor(t / BROADCAST_SLOT_MS) + 1);
  assert.ok(worst <= 60, `${worst}`);
});
