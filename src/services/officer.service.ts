import { createHash, randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { getDistrict } from "../content/areas/areas";
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from "../dashboard/auth/password";
import { ConflictError, NotFoundError, ValidationError, isDuplicateKeyError } from "../errors";
import { OFFICER_ROLES, Officer, type OfficerDoc, type OfficerRole } from "../models/officer.model";

// Dashboard accounts: creation, passwords, API tokens for service accounts. No
// HTTP here; the dashboard and the CLI call these and translate the errors.
export interface CreateOfficerInput {
  username: string;
  role: OfficerRole;
  districts?: string[];
  displayName?: string;
  /** Required for people; service accounts have none and use API tokens. */
  password?: string;
  kind?: "human" | "service";
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export function normalizeUsername(u: string): string {
  return u.trim().toLowerCase();
}

function checkDistricts(role: OfficerRole, districts: string[]): string[] {
  const unique = [...new Set(districts.map((d) => d.trim()).filter(Boolean))];
  for (const d of unique) if (!getDistrict(d)) throw new ValidationError(`unknown district ${d}`, `ไม่พบรหัสอำเภอ ${d} ค่ะ`);
  if (role === "officer" && unique.length === 0) throw new ValidationError("officer needs districts", "เจ้าหน้าที่อำเภอต้องมีอย่างน้อยหนึ่งอำเภอค่ะ");
  // Admins see every district and viewers see statistics only: a district list means nothing for them.
  return role === "officer" ? unique : [];
}

export async function createOfficer(input: CreateOfficerInput): Promise<OfficerDoc> {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) throw new ValidationError("bad username", "ชื่อผู้ใช้ต้องเป็นตัวอักษรอังกฤษตัวเล็ก ตัวเลข . _ - ยาว 3–40 ตัวค่ะ");
  if (!OFFICER_ROLES.includes(input.role)) throw new ValidationError("bad role", "บทบาทไม่ถูกต้องค่ะ");
  const kind = input.kind ?? "human";
  const districts = checkDistricts(input.role, input.districts ?? []);
  let passwordHash = "";
  if (kind === "human") {
    const problem = passwordProblem(input.password ?? "", username);
    if (problem) throw new ValidationError("weak password", problem);
    passwordHash = await hashPassword(input.password!);
  }
  try {
    return await Officer.create({ username, role: input.role, districts, kind, passwordHash, displayName: input.displayName?.trim() ?? "" });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new ConflictError("username taken", "มีชื่อผู้ใช้นี้แล้วค่ะ");
    throw err;
  }
}

/** The officer when the password is right and the account can log in; else null (same time either way). */
export async function checkOfficerPassword(username: string, password: string): Promise<OfficerDoc | null> {
  const officer = await Officer.findOne({ username: normalizeUsername(username), kind: "human" });
  if (!officer || !officer.passwordHash) {
    await burnPasswordCheck(password);
    return null;
  }
  const ok = await verifyPassword(password, officer.passwordHash);
  return ok && !officer.disabled ? officer : null;
}

export async function getOfficer(id: string): Promise<OfficerDoc> {
  const officer = Types.ObjectId.isValid(id) ? await Officer.findById(id) : null;
  if (!officer) throw new NotFoundError("officer not found", "ไม่พบบัญชีนี้ค่ะ");
  return officer;
}

export async function listOfficers(): Promise<OfficerDoc[]> {
  return Officer.find().sort({ username: 1 });
}

export async function setOfficerDisabled(id: string, disabled: boolean): Promise<void> {
  const officer = await getOfficer(id);
  await Officer.updateOne({ _id: officer._id }, { $set: { disabled } });
}

export async function changeOfficerPassword(id: string, current: string, next: string): Promise<void> {
  const officer = await getOfficer(id);
  if (!(await verifyPassword(current, officer.passwordHash))) throw new ValidationError("wrong password", "รหัสผ่านปัจจุบันไม่ถูกต้องค่ะ");
  const problem = passwordProblem(next, officer.username);
  if (problem) throw new ValidationError("weak password", problem);
  await Officer.updateOne({ _id: officer._id }, { $set: { passwordHash: await hashPassword(next) } });
}

export async function recordOfficerLogin(id: Types.ObjectId, at: Date): Promise<void> {
  await Officer.updateOne({ _id: id }, { $set: { lastLoginAt: at } });
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new API token; the plain value is returned once and only its hash is kept. */
export async function issueApiToken(id: string, label: string, at: Date): Promise<{ token: string; tokenId: string }> {
  const officer = await getOfficer(id);
  const tokenId = randomBytes(6).toString("hex");
  const token = `sjt_${tokenId}_${randomBytes(32).toString("base64url")}`;
  await Officer.updateOne(
    { _id: officer._id },
    { $push: { apiTokens: { tokenId, hash: hashApiToken(token), label: label.trim().slice(0, 80), createdAt: at } } },
  );
  return { token, tokenId };
}

export async function revokeApiToken(id: string, tokenId: string): Promise<void> {
  const officer = await getOfficer(id);
  // $pull by condition: a token added meanwhile is kept (no read-modify-write of the list).
  const res = await Officer.updateOne({ _id: officer._id }, { $pull: { apiTokens: { tokenId: String(tokenId) } } });
  if (res.modifiedCount === 0) throw new NotFoundError("token not found", "ไม่พบโทเคนนี้ค่ะ");
}

export async function findOfficerByApiToken(token: string): Promise<OfficerDoc | null> {
  if (!/^sjt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const officer = await Officer.findOne({ "apiTokens.hash": hashApiToken(token) });
  return officer && !officer.disabled ? officer : null;
}
