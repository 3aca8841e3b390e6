import assert from "node:assert/strict";
import { randomUUID, createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { AppDeps } from "../../src/app-deps";
import { submitComplaint, type ComplaintSubmission } from "../../src/services/complaint.service";
import { evidenceBucket, type StoredEvidence } from "../../src/services/evidence.service";
import { createOfficer } from "../../src/services/officer.service";
import { sealedAt } from "../../src/security/seal-places";
import type { OfficerRole } from "../../src/models/officer.model";

// A tiny cookie-keeping HTTP client for the dashboard tests: it behaves like a
// browser without JavaScript (forms, redirects, the session cookie).
export interface Page {
  status: number;
  text: string;
  headers: Headers;
  location?: string;
}

export class DashboardClient {
  readonly cookies = new Map<string, string>();
  lastPage?: Page;
  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, body?: string | FormData, contentType?: string, follow = true): Promise<Page> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (contentType) headers["content-type"] = contentType;
    const res = await fetch(this.base + path, { method, headers, body, redirect: "manual" });
    this.keep(res);
    const location = res.headers.get("location") ?? undefined;
    if (follow && res.status >= 300 && res.status < 400 && location) return this.get(location);
    // ignoreBOM keeps a CSV's byte-order mark visible to the tests (Response.text() drops it).
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    const page = { status: res.status, text, headers: res.headers, location };
    if ((res.headers.get("content-type") ?? "").includes("html")) this.lastPage = page;
    return page;
  }

  get(path: string, follow = true): Promise<Page> {
    return this.request("GET", path, undefined, undefined, follow);
  }

  /** The CSRF token of the last HTML page seen. */
  csrf(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastPage?.text ?? "");
    return m ? m[1]! : "";
  }

  /** Posts a form like a browser: urlencoded, with the page's CSRF token unless given. */
  post(path: string, form: Record<string, string | string[]>, opts: { csrf?: string | null; follow?: boolean } = {}): Promise<Page> {
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? this.csrf() : opts.csrf;
    if (token !== null) body.set("_csrf", token);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return this.request("POST", path, body.toString(), "application/x-www-form-urlencoded", opts.follow ?? true);
  }

  /** Posts a multipart form (file upload) like a browser, with the page's CSRF token unless given. */
  postMultipart(path: string, fields: Record<string, string>, file?: { field: string; name: string; text: string }, opts: { csrf?: string | null } = {}): Promise<Page> {
    const form = new FormData();
    const token = opts.csrf === undefined ? this.csrf() : opts.csrf;
    if (token !== null) form.set("_csrf", token);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set(file.field, new Blob([file.text], { type: "text/csv" }), file.name);
    return this.request("POST", path, form);
  }

  /** Logs in and lands on `next` (the account page by default). */
  async login(username: string, password: string, next = "/officer/account"): Promise<Page> {
    await this.get("/officer/login");
    return this.post("/officer/login", { username, password, next });
  }
}

export const TEST_PASSWORD = "correct-horse-battery-9";

/** A client logged in through the login form (the login page answers 200 after the redirect). */
export async function loggedInClient(base: string, username: string, password = TEST_PASSWORD): Promise<DashboardClient> {
  const c = new DashboardClient(base);
  await c.get("/officer/login");
  const page = await c.post("/officer/login", { username, password });
  assert.equal(page.status, 200, `login of ${username}`);
  return c;
}

export async function makeOfficer(username: string, role: OfficerRole, districts: string[] = []): Promise<string> {
  const o = await createOfficer({ username, role, districts, password: TEST_PASSWORD, displayName: `คุณ ${username}` });
  return String(o._id);
}

export function baseUrlOf(webhookUrl: string): string {
  return webhookUrl.replace(/\/webhook$/, "");
}

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export async function storeTestPhoto(deps: AppDeps, lineUserId: string, draftId: string): Promise<StoredEvidence> {
  const sha256 = createHash("sha256").update(PNG_1PX).digest("hex");
  const upload = evidenceBucket().openUploadStream(`${sha256.slice(0, 16)}.png`, {
    metadata: { contentType: "image/png", sha256, messageId: randomUUID(), draftId, reporterIndex: deps.sealer.blindIndex(lineUserId), receivedAt: deps.now() },
  });
  await pipeline(Readable.from([PNG_1PX]), upload);
  return { fileId: String(upload.id), contentType: "image/png", size: PNG_1PX.length, sha256 };
}

/** A complaint submitted through the complaint service, as the chat flow would. */
export async function seedComplaint(
  deps: AppDeps,
  input: { lineUserId: string; districtCode?: string; what: string; who?: string; anonymous: boolean; contact?: { name: string; phone: string }; photo?: boolean; location?: { latitude: number; longitude: number } },
): Promise<{ id: string; trackingCode: string }> {
  const draftId = randomUUID();
  const evidence = input.photo ? [await storeTestPhoto(deps, input.lineUserId, draftId)] : [];
  const submission: ComplaintSubmission = {
    draftId,
    lineUserId: input.lineUserId,
    category: "bribe",
    what: input.what,
    who: input.who,
    where: { districtCode: input.districtCode, location: input.location },
    when: { text: "เมื่อวานนี้" },
    evidence,
    anonymous: input.anonymous,
    contactSealed: input.contact ? deps.sealer.seal(JSON.stringify(input.contact), sealedAt.draftContact(draftId)) : undefined,
  };
  const { complaint } = await submitComplaint(deps, submission);
  return { id: String(complaint._id), trackingCode: complaint.trackingCode };
}
