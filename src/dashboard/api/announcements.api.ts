import type { Router } from "express";
import { z } from "zod";
import type { AppDeps } from "../../app-deps";
import { BUTTON_ACTIONS, BUTTON_KINDS, type AnnouncementDoc } from "../../models/announcement.model";
import { assertAudienceInScope, countAudience, districtCount, normalizeAudience } from "../../services/announcement-audience.service";
import { imageUrlOf } from "../../services/announcement-content";
import { reportOf } from "../../services/announcement-report";
import { APPROVAL_RECIPIENTS, announcementInScope, createAnnouncement, listAnnouncements, scopeOfActor, type Actor } from "../../services/announcement.service";
import { requireApi } from "../auth/auth.middleware";
import { principalOf } from "../auth/principal";
import { parseBody } from "./api-input";

// /api/announcements: officer announcements for integrations (issue 22): list, create a
// draft, one announcement, its audience size and its delivery report. Approval and
// sending stay in the dashboard, where a second admin sees the preview.
const CASES = ["admin", "officer"] as const;
const text = (max: number) => z.string().min(1).max(max);

export const audienceInput = z
  .object({
    province: z.boolean().optional(),
    districts: z.array(z.string().regex(/^\d{4}$/)).max(26).optional(),
    tambons: z.array(z.string().regex(/^\d{6}$/)).max(200).optional(),
    villages: z.array(z.string().regex(/^\d{6}-\d{1,2}$/)).max(500).optional(),
    leaders: z.boolean().optional(),
    remindersOptIn: z.boolean().optional(),
  })
  .strict();

export const announcementCreateInput = z
  .object({
    title: text(80),
    text: text(5000),
    button: z.object({ kind: z.enum(BUTTON_KINDS), label: text(40).optional(), url: z.string().min(9).max(1000).regex(/^https:\/\//).optional(), action: z.enum(BUTTON_ACTIONS).optional() }).strict().optional(),
    audience: audienceInput,
  })
  .strict();

const spec = (a: z.output<typeof audienceInput>) => ({
  province: a.province ?? false, districts: a.districts ?? [], tambons: a.tambons ?? [], villages: a.villages ?? [], leaders: a.leaders ?? false, remindersOptIn: a.remindersOptIn ?? false,
});

export function announcementJson(a: AnnouncementDoc, baseUrl: string) {
  const b = a.button;
  return {
    id: String(a._id), title: a.title, text: a.text, office: a.office, state: a.state, revision: a.revision,
    audience: { province: a.audience.province, districts: [...a.audience.districts], tambons: [...a.audience.tambons], villages: [...a.audience.villages], leaders: a.audience.leaders, remindersOptIn: a.audience.remindersOptIn },
    districtCodes: [...a.districtCodes], audienceSize: a.audienceSize, approvalRequired: a.approvalRequired ?? false,
    button: { kind: b?.kind ?? "none", ...(b?.label ? { label: b.label } : {}), ...(b?.url ? { url: b.url } : {}), ...(b?.action ? { action: b.action } : {}) },
    ...(a.imageId ? { imageUrl: imageUrlOf(baseUrl, a.imageId) } : {}),
    ...(a.sendAt ? { sendAt: a.sendAt } : {}),
    ...(a.approvedRevision === a.revision && a.approvedAt ? { approvedAt: a.approvedAt } : {}),
    createdAt: (a as unknown as { createdAt: Date }).createdAt,
  };
}

export function mountAnnouncementApi(r: Router, deps: AppDeps): void {
  const actor = (res: Parameters<typeof principalOf>[0]): Actor => {
    const p = principalOf(res);
    return { id: p.id, role: p.role, districts: p.districts };
  };
  const base = deps.config.publicBaseUrl;
  r.get("/announcements", requireApi(...CASES), async (_req, res) => {
    res.json({ items: (await listAnnouncements(actor(res))).map((a) => announcementJson(a, base)) });
  });
  r.post("/announcements", requireApi(...CASES), async (req, res) => {
    const b = parseBody(announcementCreateInput, req.body);
    const a = await createAnnouncement({ title: b.title, text: b.text, button: b.button ?? { kind: "none" }, audience: spec(b.audience) }, actor(res), deps.now(), base);
    res.status(201).json(announcementJson(a, base));
  });
  r.post("/announcements/audience", requireApi(...CASES), async (req, res) => {
    const a = normalizeAudience(spec(parseBody(audienceInput, req.body)));
    assertAudienceInScope(a, scopeOfActor(actor(res)));
    const recipients = await countAudience(a);
    res.json({ recipients, districts: districtCount(a), approvalRequired: districtCount(a) > 1 || recipients > APPROVAL_RECIPIENTS });
  });
  r.get("/announcements/:id", requireApi(...CASES), async (req, res) => {
    res.json(announcementJson(await announcementInScope(String(req.params.id), actor(res)), base));
  });
  r.get("/announcements/:id/report", requireApi(...CASES), async (req, res) => {
    res.json(reportOf(await announcementInScope(String(req.params.id), actor(res))));
  });
}
