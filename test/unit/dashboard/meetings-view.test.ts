import assert from "node:assert/strict";
import { test } from "node:test";
import { offsetText } from "../../../src/dashboard/views/meetings.view";

// The reminder log says when a reminder goes out in Thai words, not "2h" or "3d@08:00".
test("reminder offsets read as Thai", () => {
  assert.equal(offsetText("2h"), "2 ชั่วโมงก่อนประชุม");
  assert.equal(offsetText("3d@08:00"), "3 วันก่อนประชุม เวลา 08:00 น.");
  assert.equal(offsetText("1d"), "1 วันก่อนประชุม");
});
