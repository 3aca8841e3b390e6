import type { Request, RequestHandler, Response } from "express";
import { announcementFlex } from "../../../flex-messages/announcement.flex";
import type { AppDeps } from "../../app-deps";
import { DomainError } from "../../errors";
import type { AnnouncementDoc } from "../../models/announcement.model";
import { assertAudienceInScope, countAudience, districtCount, normalizeAudience, officeOf } from "../../services/announcement-audience.service";
import { contentOf, imageUrlOf } from "../../services/announcement-content";
import { checkButton, checkContent } from "../../services/announcement-limits";
import { reportOf } from "../../services/announcement-report";
import {
  APPROVAL_RECIPIENTS, announcementInScope, approveAnnouncement, cancelAnnouncement, createAnnouncement, listAnnouncements, requestSend, scopeOfActor, updateAnnouncement, type Actor,
} from "../../services/announcement.service";
import { csrfTokenOf, principalOf } from "../auth/principal";
import { formValuesOf, inputOf, readAnnouncementForm, sendAtOf, storeImage, type AnnouncementFormValues } from "../http/announcement-form";
import type { UploadedFile } from "../http/multipart";
import { flashFrom, sendPage } from "../http/render";
import { CONTENT_SECURITY_POLICY } from "../http/security-headers";
import { officerNames } from "../queries/officer-names.query";
import { announcementFormView } from "../views/announcement-form.view";
import { announcementDetailView, announcementListView } from "../views/announcements.view";

// Announcements in the dashboard: compose (with a live preview), four eyes, send or
// schedule, cancel, and each one's delivery report. Pages with the preview may run our
// own scripts (and show a chosen image from a blob: URL); every other page runs none.
export const PREVIEW_CSP = CONTENT_SECURITY_POLICY.replace("script-src 'none'", "script-src 'self'").replace("img-src 'self' data:", "img-src 'self' data: blob:");
type Handlers = "list" | "newForm" | "create" | "show" | "editForm" | "update" | "send" | "approve" | "cancel" | "preview";

const EMPTY: AnnouncementFormValues = {
  title: "", text: "", imageId: "", buttonKind: "none", buttonLabel: "", buttonUrl: "", buttonAction: "", province: false, districts: [], tambons: "", villages: "",
  leaders: false, remindersOptIn: false, intent: "draft", sendDate: "", sendTime: "",
};

const actorOf = (res: Response): Actor => {
  const p = principalOf(res);
  return { id: p.id, role: p.role, districts: p.districts };
};
const originOf = (req: Request) => `${req.protocol}://${req.get("host") ?? "localhost"}`;
const messageOf = (e: unknown) => (e instanceof DomainError ? e.userMessage ?? e.message : String(e));

export function createAnnouncementsController(deps: AppDeps): Record<Handlers, RequestHandler> {
  const tz = deps.config.timezone;
  const base = deps.config.publicBaseUrl;
  const kick = (a: AnnouncementDoc) => {
    if (a.state === "scheduled" && (a.sendAt?.getTime() ?? 0) <= deps.now().getTime()) void deps.announcements?.sendNow(String(a._id));
  };

  async function detail(req: Request, res: Response, a: AnnouncementDoc, flash = flashFrom(req), status = 200): Promise<void> {
    const names = await officerNames([a.createdBy, a.updatedBy, a.approvedBy ?? undefined]);
    const messages = [announcementFlex(contentOf(a, originOf(req)))];
    res.set("Content-Security-Policy", PREVIEW_CSP);
    sendPage(res, announcementDetailView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), a, messages, report: reportOf(a), names, timezone: tz, flash }), status);
  }

  function form(res: Response, values: AnnouncementFormValues, err?: unknown, id?: string): void {
    if (err !== undefined && !(err instanceof DomainError)) throw err;
    res.set("Content-Security-Policy", PREVIEW_CSP);
    const flash = err ? { kind: "error" as const, text: messageOf(err) } : undefined;
    const status = err instanceof DomainError ? (err.code === "forbidden" ? 403 : 400) : 200;
    sendPage(res, announcementFormView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), values, announcementId: id, flash }), status);
  }

  /** Saves, then (send / schedule) asks to send; a refusal (quota, empty audience) shows on its page. */
  async function saveAndMaybeSend(req: Request, res: Response, id: string | undefined): Promise<void> {
    const v = readAnnouncementForm(req.body);
    const files = (req.body as { files?: Record<string, UploadedFile> }).files;
    let a: AnnouncementDoc;
    try {
      const imageId = await storeImage(files?.image, principalOf(res).id, deps.now());
      if (imageId) v.imageId = imageId;
      const sendAt = sendAtOf(v, tz);
      a = id ? await updateAnnouncement(id, inputOf(v), actorOf(res), deps.now(), base) : await createAnnouncement(inputOf(v), actorOf(res), deps.now(), base);
      if (v.intent === "draft") return res.redirect(303, `/officer/announcements/${String(a._id)}?msg=saved`);
      try {
        a = await requestSend(String(a._id), sendAt, actorOf(res), deps.now(), deps.line);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        return detail(req, res, a, { kind: "error", text: messageOf(err) }, err.code === "quota" ? 409 : 400);
      }
    } catch (err) {
      return form(res, v, err, id);
    }
    kick(a);
    res.redirect(303, `/officer/announcements/${String(a._id)}?msg=${a.state === "awaiting_approval" ? "approval_requested" : "scheduled"}`);
  }

  return {
    async list(req, res) {
      sendPage(res, announcementListView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), items: await listAnnouncements(actorOf(res)), timezone: tz, flash: flashFrom(req) }));
    },
    newForm: (_req, res) => form(res, EMPTY),
    create: (req, res) => saveAndMaybeSend(req, res, undefined),
    async show(req, res) {
      await detail(req, res, await announcementInScope(String(req.params.id), actorOf(res)));
    },
    async editForm(req, res) {
      const a = await announcementInScope(String(req.params.id), actorOf(res));
      form(res, formValuesOf(a), undefined, String(a._id));
    },
    update: (req, res) => saveAndMaybeSend(req, res, String(req.params.id)),
    async send(req, res) {
      const id = String(req.params.id);
      try {
        const a = await requestSend(id, undefined, actorOf(res), deps.now(), deps.line);
        kick(a);
        res.redirect(303, `/officer/announcements/${id}?msg=${a.state === "awaiting_approval" ? "approval_requested" : "scheduled"}`);
      } catch (err) {
        if (!(err instanceof DomainError) || err.code === "not_found") throw err;
        await detail(req, res, await announcementInScope(id, actorOf(res)), { kind: "error", text: messageOf(err) }, err.code === "quota" ? 409 : err.code === "forbidden" ? 403 : 400);
      }
    },
    async approve(req, res) {
      const id = String(req.params.id);
      try {
        kick(await approveAnnouncement(id, actorOf(res), deps.now()));
        res.redirect(303, `/officer/announcements/${id}?msg=approved`);
      } catch (err) {
        if (!(err instanceof DomainError) || err.code === "not_found") throw err;
        await detail(req, res, await announcementInScope(id, actorOf(res)), { kind: "error", text: messageOf(err) }, err.code === "forbidden" ? 403 : 400);
      }
    },
    async cancel(req, res) {
      const id = String(req.params.id);
      await cancelAnnouncement(id, actorOf(res), deps.now());
      res.redirect(303, `/officer/announcements/${id}?msg=announcement_cancelled`);
    },
    /** The message as LINE would get it, the audience size and any problem, for the live preview. */
    async preview(req, res) {
      const v = readAnnouncementForm(req.body);
      const input = inputOf(v);
      const problems: string[] = [];
      let button;
      try {
        button = checkButton(input.button);
      } catch (err) {
        problems.push(messageOf(err));
      }
      let office = "ศาลากลางจังหวัดขอนแก่น";
      let audience: { recipients: number; districts: number; approvalRequired: boolean } | undefined;
      try {
        const au = normalizeAudience(input.audience);
        assertAudienceInScope(au, scopeOfActor(actorOf(res)));
        office = officeOf(au);
        const recipients = await countAudience(au);
        audience = { recipients, districts: districtCount(au), approvalRequired: districtCount(au) > 1 || recipients > APPROVAL_RECIPIENTS };
      } catch (err) {
        problems.push(messageOf(err));
      }
      const origin = originOf(req);
      const imageUrl = (req.body as Record<string, unknown>).pendingImage ? `${origin}/media/announcements/pending` : v.imageId ? imageUrlOf(origin, v.imageId) : undefined;
      const content = { title: v.title.trim() || "(หัวข้อ)", text: v.text.trim() || "(ข้อความประกาศ)", office, imageUrl, button };
      try {
        checkContent(content);
      } catch (err) {
        problems.push(messageOf(err));
      }
      res.json({ messages: [announcementFlex(content)], problems, ...(audience ? { audience } : {}) });
    },
  };
}
