import { isDuplicateKeyError } from "../../errors";
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

/** One atomic $inc of the key's counter (upserted); a duplicate key from a racing upsert is retried, never a 500. */
async function incFailures(key: string, at: Date, by: number): Promise<{ failures: number; lockedUntil?: Date | null }> {
  for (let tries = 0; ; tries++) {
    try {
      const row = await LoginAttempt.findOneAndUpdate(
        { key },
        { $inc: { failures: by }, $set: { updatedAt: at }, $setOnInsert: { windowStart: at } },
        { upsert: true, new: true },
      ).lean();
      return row!;
    } catch (err) {
      if (!isDuplicateKeyError(err) || tries >= 3) throw err;
    }
  }
}

async function lock(key: string, at: Date): Promise<Date> {
  const until = new Date(at.getTime() + LOGIN_LIMITS.lockMs);
  await LoginAttempt.updateOne({ key }, { $set: { lockedUntil: until, failures: 0, windowStart: at } });
  return until;
}

/** Takes one attempt of the key's window; the lock end when there is none left. */
async function takeOne(key: string, limit: number, at: Date): Promise<Date | undefined> {
  const cutoff = new Date(at.getTime() - LOGIN_LIMITS.windowMs);
  // A window that has passed starts again from zero.
  await LoginAttempt.updateOne({ key, windowStart: { $lt: cutoff } }, { $set: { failures: 0, windowStart: at } });
  const row = await incFailures(key, at, 1);
  if (row.lockedUntil && row.lockedUntil.getTime() > at.getTime()) return row.lockedUntil;
  if (row.failures > limit) return lock(key, at);
  return undefined;
}

/**
 * Takes an attempt slot on the username and the address, atomically, before the
 * password is checked: every attempt counts as a failure until it succeeds. So
 * concurrent guesses cannot all run the password hash: once the window's
 * allowance is taken, the rest are refused at once and the key is locked.
 * Returns the lock end when the attempt may not go ahead.
 */
export async function takeLoginAttempt(keys: { user: string; ip: string }, at: Date): Promise<Date | undefined> {
  const [user, ip] = await Promise.all([takeOne(keys.user, LOGIN_LIMITS.perUser, at), takeOne(keys.ip, LOGIN_LIMITS.perIp, at)]);
  const ends = [user, ip].filter((d): d is Date => d !== undefined).map((d) => d.getTime());
  return ends.length ? new Date(Math.max(...ends)) : undefined;
}

/** After a wrong password: the attempt stays counted; the key that reached its limit is locked. */
export async function recordLoginFailure(keys: { user: string; ip: string }, at: Date): Promise<void> {
  for (const [key, limit] of [
    [keys.user, LOGIN_LIMITS.perUser],
    [keys.ip, LOGIN_LIMITS.perIp],
  ] as const) {
    const row = await LoginAttempt.findOne({ key }).lean();
    if (row && row.failures >= limit && !(row.lockedUntil && row.lockedUntil.getTime() > at.getTime())) await lock(key, at);
  }
}

/** After a right password: the username's count starts again, and the attempt is taken back from the address's. */
export async function recordLoginSuccess(keys: { user: string; ip?: string }): Promise<void> {
  await LoginAttempt.deleteOne({ key: keys.user });
  if (keys.ip) await LoginAttempt.updateOne({ key: keys.ip, failures: { $gt: 0 } }, { $inc: { failures: -1 } });
}

/** Gives back an attempt that turned out not to be a password guess. */
export async function releaseLoginAttempt(keys: { user: string; ip: string }): Promise<void> {
  for (const key of [keys.user, keys.ip]) await LoginAttempt.updateOne({ key, failures: { $gt: 0 } }, { $inc: { failures: -1 } });
}

/** Admin action: lift a username's lockout. */
export async function unlockUsername(username: string): Promise<void> {
  await LoginAttempt.deleteOne({ key: loginKeys(username, "").user });
}

export async function sweepLoginAttempts(at: Date): Promise<void> {
  await LoginAttempt.deleteMany({ updatedAt: { $lt: new Date(at.getTime() - LOGIN_LIMITS.windowMs - LOGIN_LIMITS.lockMs) } });
}
