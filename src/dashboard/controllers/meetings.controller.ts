import type { RequestHandler, Response } from "express";
import type { AppDeps } from "../../app-deps";
import { DomainError, ForbiddenError } from "../../errors";
import { cancelMeeting, createMeeting, updateMeeting } from "../../services/meeting.service";
import { getDeliveryLog, recurrenceOf } from "../../services/reminder.service";
import { villageRef } from "../../services/village.service";
import { csrfTokenOf, inScope, principalOf, scopeOf } from "../auth/principal";
import { agendaFromForm, durationFromForm, formValuesOf, readMeetingForm, recurrenceFromForm, type MeetingFormValues } from "../http/meeting-form";
import { field, flashFrom, pageNumber, sendPage } from "../http/render";
import { meetingInScope, meetingReports, meetingsInScope, nextStart } from "../queries/meetings.query";
import { meetingFormView } from "../views/meeting-form.view";
import { meetingDetailView, meetingListView } from "../views/meetings.view";

// Meetings: list, create, edit, cancel, and one meeting's reminder log and reports.
export const MEETINGS_PAGE_SIZE = 50;
type Handlers = "list" | "newForm" | "create" | "show" | "editForm" | "update" | "cancel";

const EMPTY_FORM: MeetingFormValues = {
  scope: "village", districtCode: "", tambonCode: "", villageNo: "", title: "", place: "", agenda: "", includePledge: true,
  kind: "monthly-day", date: "", day: "", nth: "", weekday: "", time: "09:00", from: "", until: "", durationMinutes: "120",
};

export function createMeetingsController(deps: AppDeps): Record<Handlers, RequestHandler> {
  const cfg = { timezone: deps.config.timezone, reminderOffsets: deps.config.reminderOffsets };
  const formError = (res: Response, values: MeetingFormValues, err: unknown, meetingId?: string) => {
    if (!(err instanceof DomainError)) throw err;
    const text = err.userMessage ?? `ข้อมูลไม่ถูกต้องค่ะ (${err.message})`;
    sendPage(res, meetingFormView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), values, meetingId, flash: { kind: "error", text } }), err.code === "forbidden" ? 403 : 400);
  };

  return {
    async list(req, res) {
      const p = principalOf(res);
      const district = field(req.query, "district") || undefined;
      const cancelled = field(req.query, "cancelled") || undefined;
      const all = await meetingsInScope(scopeOf(p), district, Boolean(cancelled));
      const page = pageNumber(req.query.page);
      const now = deps.now();
      const meetings = all.slice((page - 1) * MEETINGS_PAGE_SIZE, page * MEETINGS_PAGE_SIZE).map((meeting) => ({ meeting, next: nextStart(meeting, now, deps.config.timezone) }));
      sendPage(res, meetingListView({ principal: p, csrfToken: csrfTokenOf(res), meetings, total: all.length, page, pageSize: MEETINGS_PAGE_SIZE, filter: { district, cancelled }, timezone: deps.config.timezone, flash: flashFrom(req) }));
    },

    newForm: (_req, res) => sendPage(res, meetingFormView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), values: EMPTY_FORM })),

    async create(req, res) {
      const p = principalOf(res);
      const v = readMeetingForm(req.body);
      try {
        const village = v.scope === "village" ? villageRef(v.tambonCode, Number(v.villageNo)) : undefined;
        const districtCode = village?.districtCode ?? v.districtCode;
        if (!inScope(scopeOf(p), districtCode)) throw new ForbiddenError("district out of scope", "ท่านสร้างการประชุมได้เฉพาะอำเภอที่รับผิดชอบค่ะ");
        const m = await createMeeting(
          { scope: v.scope, village, districtCode, title: v.title || undefined, place: v.place, agenda: agendaFromForm(v), includePledge: v.includePledge, recurrence: recurrenceFromForm(v), durationMinutes: durationFromForm(v), createdBy: p.id },
          cfg,
          deps.now(),
        );
        res.redirect(303, `/officer/meetings/${String(m._id)}?msg=created`);
      } catch (err) {
        formError(res, v, err);
      }
    },

    async show(req, res) {
      const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
      const [log, reports] = await Promise.all([getDeliveryLog(m._id), meetingReports(m._id)]);
      sendPage(res, meetingDetailView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), meeting: m, next: nextStart(m, deps.now(), deps.config.timezone), log, reports, timezone: deps.config.timezone, flash: flashFrom(req) }));
    },

    async editForm(req, res) {
      const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
      const values = formValuesOf({ ...m.toObject(), recurrence: recurrenceOf(m) });
      sendPage(res, meetingFormView({ principal: principalOf(res), csrfToken: csrfTokenOf(res), values, meetingId: String(m._id) }));
    },

    async update(req, res) {
      const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
      const v = { ...readMeetingForm(req.body), scope: m.scope as "village" | "district", districtCode: m.districtCode, tambonCode: m.tambonCode ?? "", villageNo: String(m.villageNo ?? "") };
      try {
        await updateMeeting(m._id, { title: v.title || undefined, place: v.place, agenda: agendaFromForm(v), recurrence: recurrenceFromForm(v), durationMinutes: durationFromForm(v) }, cfg, deps.now());
        res.redirect(303, `/officer/meetings/${String(m._id)}?msg=saved`);
      } catch (err) {
        formError(res, v, err, String(m._id));
      }
    },

    async cancel(req, res) {
      const m = await meetingInScope(scopeOf(principalOf(res)), String(req.params.id));
      await cancelMeeting(m._id, deps.now());
      res.redirect(303, `/officer/meetings/${String(m._id)}?msg=cancelled`);
    },
  };
}
