import assert from "node:assert/strict";
import { test } from "node:test";
import type { webhook } from "@line/bot-sdk";
import { countImageSetPhoto, type ImageSetProgress } from "../../../src/flows/image-set";

const photo = (imageSet?: { id: string; index?: number; total?: number }) => ({ type: "image", id: "m", contentProvider: { type: "line" }, imageSet }) as unknown as webhook.ImageMessageContent;

test("a lone photo or a set of one is not a set", () => {
  const sets: ImageSetProgress[] = [];
  assert.equal(countImageSetPhoto(sets, photo(), { stored: true }), undefined);
  assert.equal(countImageSetPhoto(sets, photo({ id: "s", total: 1 }), { stored: true }), undefined);
  assert.deepEqual(sets, []);
});

test("a set of three: quiet twice, then the finished set with what was kept and why not, and it leaves the list", () => {
  const sets: ImageSetProgress[] = [];
  assert.equal(countImageSetPhoto(sets, photo({ id: "s", total: 3 }), { stored: true }), "wait");
  assert.equal(countImageSetPhoto(sets, photo({ id: "s", total: 3 }), { problem: "ไฟล์ใหญ่เกินไปค่ะ", stored: false }), "wait");
  assert.equal(sets.length, 1);
  const done = countImageSetPhoto(sets, photo({ id: "s", total: 3 }), { stored: false });
  assert.deepEqual(done, { id: "s", total: 3, seen: 3, stored: 1, problems: ["ไฟล์ใหญ่เกินไปค่ะ"] });
  assert.deepEqual(sets, []);
});

test("a claimed total over 50 is capped, so a forged set cannot keep the flow quiet for ever", () => {
  const sets: ImageSetProgress[] = [];
  countImageSetPhoto(sets, photo({ id: "big", total: 10_000 }), { stored: true });
  assert.equal(sets[0]!.total, 50);
});
