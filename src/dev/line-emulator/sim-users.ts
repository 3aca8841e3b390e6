import { makeUserId, USER_ID_PATTERN } from "./ids";
import type { LineEmulator } from "./types";

// The people a developer can chat as in the simulator. Ids are derived from the
// name, so "สมศรี" is the same LINE user after a restart of `npm run dev` and the
// bot's data (kept in .data/) still belongs to her.

export type SimRole = "resident" | "headman" | "officer" | "guest";

export interface SimUser {
  userId: string;
  displayName: string;
  /** what the person is meant to play; the bot decides the real role */
  role: SimRole;
  preset: boolean;
}

export const PRESET_USERS: readonly { key: string; displayName: string; role: SimRole }[] = [
  { key: "resident", displayName: "ชาวบ้าน (สมศรี)", role: "resident" },
  { key: "headman", displayName: "ผู้ใหญ่บ้าน (บุญมา)", role: "headman" },
  { key: "officer", displayName: "เจ้าหน้าที่ทดสอบ", role: "officer" },
];

/** LINE: a display name is 1..20 characters. */
export const MAX_DISPLAY_NAME = 20;

export class UnknownSimUserError extends Error {
  override name = "UnknownSimUserError";
}

export class SimUsers {
  private readonly byId = new Map<string, SimUser>();

  constructor(private readonly emulator: Pick<LineEmulator, "addUser">) {
    for (const p of PRESET_USERS) this.register({ userId: makeUserId(`sim:${p.key}`), displayName: p.displayName, role: p.role, preset: true });
  }

  list(): SimUser[] {
    return [...this.byId.values()];
  }

  /** Adds a person by display name; adding the same name again returns the same user. */
  add(displayName: string, role: SimRole = "guest"): SimUser {
    const name = displayName.normalize("NFC").trim();
    if (name.length === 0 || name.length > MAX_DISPLAY_NAME) {
      throw new RangeError(`displayName must be 1..${MAX_DISPLAY_NAME} characters`);
    }
    const existing = this.list().find((u) => u.displayName === name);
    if (existing) return existing;
    return this.register({ userId: makeUserId(`sim:name:${name}`), displayName: name, role, preset: false });
  }

  /** Finds a user by LINE id ("U…"), preset key ("resident"), or display name (whole or part). */
  resolve(ref: string | undefined): SimUser {
    if (!ref) return this.list()[0]!;
    const wanted = ref.normalize("NFC").trim();
    const byId = this.byId.get(wanted);
    if (byId) return byId;
    const preset = PRESET_USERS.find((p) => p.key === wanted.toLowerCase());
    if (preset) return this.byId.get(makeUserId(`sim:${preset.key}`))!;
    const users = this.list();
    const exact = users.find((u) => u.displayName === wanted);
    if (exact) return exact;
    const partial = users.filter((u) => u.displayName.includes(wanted));
    if (partial.length === 1) return partial[0]!;
    // A real LINE id the simulator has not seen yet (e.g. from a test fixture) is usable as is.
    if (USER_ID_PATTERN.test(wanted)) return this.register({ userId: wanted, displayName: wanted.slice(0, 9), role: "guest", preset: false });
    throw new UnknownSimUserError(`no simulated user "${ref}"; known: ${users.map((u) => u.displayName).join(", ")}`);
  }

  private register(user: SimUser): SimUser {
    this.byId.set(user.userId, user);
    // The profile API (GET /v2/bot/profile/:id) answers for every simulated user.
    this.emulator.addUser({ userId: user.userId, displayName: user.displayName, language: "th" });
    return user;
  }
}
