import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { makeUserId } from "../../../src/dev/line-emulator";
import { Member, memberIdFor } from "../../../src/models/member.model";
import { ensureMember, findMemberByLineId, followMember, isFollowing, unfollowMember } from "../../../src/services/member.service";
import { startHarness, type Harness } from "../../helpers/harness";

// Members are keyed by an _id derived from the LINE user id, so the hot lookup is
// by _id; members stored before that rule (random _id) keep working.
let h: Harness;
before(async () => {
  h = await startHarness("members");
});
after(async () => h.close());

test("a follow creates the member under its derived _id, and an unfollow reaches it", async () => {
  const user = makeUserId("mem-follow");
  await h.line.sendWebhook([h.line.events.follow(user)]);
  await h.settle();
  const m = await Member.findById(memberIdFor(user)).lean();
  assert.equal(m?.lineUserId, user);
  await h.line.sendWebhook([h.line.events.unfollow(user)]);
  await h.settle();
  assert.equal((await Member.findById(memberIdFor(user)).lean())?.followed, false);
  assert.equal(await isFollowing(user), false);
});

test("a member stored with a random _id is found, followed and unfollowed in place, never duplicated", async () => {
  const user = makeUserId("mem-legacy");
  const legacy = await Member.create({ lineUserId: user, followed: true, role: "headman", meetingReminders: true });
  assert.notEqual(String(legacy._id), String(memberIdFor(user)));
  assert.equal(String((await findMemberByLineId(user))?._id), String(legacy._id));
  await unfollowMember(user, new Date());
  await followMember(user, new Date(), "สมชาย");
  const all = await Member.find({ lineUserId: user }).lean();
  assert.equal(all.length, 1);
  assert.equal(all[0]!.role, "headman");
  assert.equal(all[0]!.displayName, "สมชาย");
  assert.equal(all[0]!.followed, true);
});

test("ten first contacts of one user at once make one member", async () => {
  const user = makeUserId("mem-race");
  const made = await Promise.all(Array.from({ length: 10 }, () => ensureMember(user, new Date())));
  assert.equal(new Set(made.map((m) => String(m._id))).size, 1);
  assert.equal(await Member.countDocuments({ lineUserId: user }), 1);
});
