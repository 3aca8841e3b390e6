import { LoginAttempt } from "../../models/login-attempt.model";

// Login throttling. Per username: 5 failures within 15 minutes lock the account
// for 15 minutes (OWASP Authentication Cheat Sheet, "account lockout"). Per IP
// address: 30 failures within 15 minutes lock that address, so one client cannot
// spray many usernames. Keys exist for unknown usernames too, so a lockout never
// tells whether an account exists.
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perUser: 5,
  perIp: 30,
} as const;

export function loginKeys(username: string, ip: string): { user: string; ip: string } {
  return { user: `user:${username.trim().toLowerCase().slice(0, 60)}`, ip: `ip:${ip}` };
}

/** The latest lockedUntil among the keys, if any is locked at `at`. */
export async function lockedUntil(keys: string[], at: Date): Promise<Date | undefined> {
  const rows = await LoginAttempt.find({ key: { $in: keys }, lockedUntil: { $gt: at } }).lean();
  const ends = rows.map((r) => r.lockedUntil!.getTime());
  return ends.length ? new Date(Math.max(...ends)) : undefined;
}

async function bump(key: string, limit: number, at: Date): Promise<void> {
  const cutoff = new Date(at.getTime() - LOGIN_LIMITS.windowMs);
  // A window that has passed starts again from zero.
  await LoginAttempt.updateOne({ key, windowStart: { $lt: cutoff } }, { $set: { failures: 0, windowStart: at } });
  const row = await LoginAttempt.findOneAndUpdate(
    { key },
    { $inc: { failures: 1 }, $set: { updatedAt: at }, $setOnInsert: { windowStart: at } },
    { upsert: true, new: true },
  );
  if (row && row.failures >= limit) {
    await LoginAttempt.updateOne({ key }, { $set: { lockedUntil: new Date(at.getTime() + LOGIN_LIMITS.lockMs), failures: 0, windowStart: at } });
  }
}

export async function recordLoginFailure(keys: { user: string; ip: string }, at: Date): Promise<void> {
  await bump(keys.user, LOGIN_LIMITS.perUser, at);
  await bump(keys.ip, LOGIN_LIMITS.perIp, at);
}

export async function recordLoginSuccess(keys: { user: string }): Promise<void> {
  await LoginAttempt.deleteOne({ key: keys.user });
}

/** Admin action: lift a username's lockout. */
export async function unlockUsername(username: string): Promise<void> {
  await LoginAttempt.deleteOne({ key: loginKeys(username, "").user });
}

export async function sweepLoginAttempts(at: Date): Promise<void> {
  await LoginAttempt.deleteMany({ updatedAt: { $lt: new Date(at.getTime() - LOGIN_LIMITS.windowMs - LOGIN_LIMITS.lockMs) } });
}
