import type { Request, Response } from "express";
import type { OfficerDoc, OfficerRole } from "../../models/officer.model";
import type { OfficerSessionDoc } from "../../models/officer-session.model";

// Who is asking, and what they may see. Stored on res.locals by the session or
// token middleware; controllers read it through these helpers only.
export interface Principal {
  id: string;
  username: string;
  displayName: string;
  role: OfficerRole;
  /** DOPA district codes an officer works on; empty for admins (all) and viewers (none). */
  districts: string[];
  kind: "human" | "service";
  via: "session" | "token";
  totpEnabled: boolean;
  /** An admin requires TOTP of this account. */
  totpRequired: boolean;
}

/** Which complaints, meetings and villages a principal may see. */
export type Scope = { all: true } | { all: false; districts: string[] };

export function principalFromOfficer(o: OfficerDoc, via: Principal["via"]): Principal {
  return {
    id: String(o._id),
    username: o.username,
    displayName: o.displayName || o.username,
    role: o.role as OfficerRole,
    districts: [...o.districts],
    kind: o.kind as Principal["kind"],
    via,
    totpEnabled: o.totpEnabled,
    totpRequired: o.totpRequired === true,
  };
}

export function scopeOf(p: Principal): Scope {
  return p.role === "admin" ? { all: true } : { all: false, districts: p.role === "officer" ? p.districts : [] };
}

export function inScope(scope: Scope, districtCode: string | undefined): boolean {
  return scope.all || (districtCode !== undefined && scope.districts.includes(districtCode));
}

interface DashboardLocals {
  principal?: Principal;
  session?: OfficerSessionDoc;
  sid?: string;
}

export function localsOf(res: Response): DashboardLocals {
  return res.locals as DashboardLocals;
}

export function principalOf(res: Response): Principal {
  const p = localsOf(res).principal;
  if (!p) throw new Error("no principal: route is missing its auth middleware");
  return p;
}

export function csrfTokenOf(res: Response): string {
  return localsOf(res).session?.csrfToken ?? "";
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}
