import { createHmac, randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { OfficerSession, type OfficerSessionDoc, type SessionStage } from "../../models/officer-session.model";

// Dashboard sessions in MongoDB. The cookie carries 256 random bits; the stored
// key is HMAC(SESSION_SECRET, sid), so neither a database copy nor a guessed
// row id gives a session. Expiry is checked here on every read (nothing relies
// on TTL expiry); expired rows are swept on login.
export const SESSION_LIMITS = {
  /** A login form or a half-finished TOTP login. */
  anonymousMs: 30 * 60_000,
  totpMs: 5 * 60_000,
  /** Logged in: idle timeout and an absolute cap (OWASP Session Management). */
  idleMs: 2 * 60 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
} as const;

const TOUCH_EVERY_MS = 60_000;

export interface SessionStore {
  create(stage: SessionStage, officerId?: Types.ObjectId): Promise<{ sid: string; session: OfficerSessionDoc }>;
  read(sid: string | undefined): Promise<OfficerSessionDoc | null>;
  destroy(sid: string): Promise<void>;
  destroyAllFor(officerId: Types.ObjectId): Promise<void>;
  /** Every session of the officer but `keepSid` (after a password change). */
  destroyOthersFor(officerId: Types.ObjectId, keepSid: string | undefined): Promise<number>;
  sweep(): Promise<number>;
}

export function createSessionStore(secret: string, now: () => Date): SessionStore {
  const keyOf = (sid: string) => createHmac("sha256", secret).update(sid).digest("base64url");
  const expiryFor = (stage: SessionStage, created: Date, seen: Date): Date => {
    if (stage === "anonymous") return new Date(created.getTime() + SESSION_LIMITS.anonymousMs);
    if (stage === "totp") return new Date(created.getTime() + SESSION_LIMITS.totpMs);
    return new Date(Math.min(seen.getTime() + SESSION_LIMITS.idleMs, created.getTime() + SESSION_LIMITS.absoluteMs));
  };
  return {
    async create(stage, officerId) {
      const sid = randomBytes(32).toString("base64url");
      const t = now();
      const session = await OfficerSession.create({
        sidHash: keyOf(sid),
        stage,
        officerId,
        csrfToken: randomBytes(32).toString("base64url"),
        createdAt: t,
        lastSeenAt: t,
        expiresAt: expiryFor(stage, t, t),
      });
      return { sid, session };
    },
    async read(sid) {
      if (!sid || !/^[A-Za-z0-9_-]{43}$/.test(sid)) return null;
      const session = await OfficerSession.findOne({ sidHash: keyOf(sid) });
      const t = now();
      if (!session) return null;
      if (session.expiresAt.getTime() <= t.getTime()) {
        await OfficerSession.deleteOne({ _id: session._id });
        return null;
      }
      if (session.stage === "active" && t.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        const expiresAt = expiryFor("active", session.createdAt, t);
        await OfficerSession.updateOne({ _id: session._id }, { $set: { lastSeenAt: t, expiresAt } });
        session.lastSeenAt = t;
        session.expiresAt = expiresAt;
      }
      return session;
    },
    async destroy(sid) {
      await OfficerSession.deleteOne({ sidHash: keyOf(sid) });
    },
    async destroyAllFor(officerId) {
      await OfficerSession.deleteMany({ officerId });
    },
    async destroyOthersFor(officerId, keepSid) {
      const r = await OfficerSession.deleteMany(keepSid ? { officerId, sidHash: { $ne: keyOf(keepSid) } } : { officerId });
      return r.deletedCount;
    },
    async sweep() {
      const r = await OfficerSession.deleteMany({ expiresAt: { $lte: now() } });
      return r.deletedCount;
    },
  };
}
