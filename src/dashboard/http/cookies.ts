import type { Request, Response } from "express";

// Cookies without a dependency. The session cookie is httpOnly (no script can
// read it), SameSite=Lax (not sent on cross-site POSTs) and Secure whenever the
// request arrived over TLS; behind a proxy, TRUST_PROXY makes req.secure honest.
export const SESSION_COOKIE = "sujarit_sid";

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, sid: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, sid, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/officer", maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/officer" });
}
