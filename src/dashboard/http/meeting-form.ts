import { ValidationError } from "../../errors";
import type { Recurrence, Weekday } from "../../util/recurrence";
import { field } from "./render";
import { parseThaiDateField } from "./thai-date-field";

// Reads the meeting form (works without JavaScript: every field is always posted,
// the chosen schedule kind says which ones count).
export interface MeetingFormValues {
  scope: "village" | "district";
  districtCode: string;
  tambonCode: string;
  villageNo: string;
  title: string;
  place: string;
  agenda: string;
  includePledge: boolean;
  kind: Recurrence["kind"];
  date: string;
  day: string;
  nth: string;
  weekday: string;
  time: string;
  from: string;
  until: string;
  durationMinutes: string;
}

/** "5/12/2569" (or ISO) → ISO; what cannot be read stays as typed, so the form can show it again. */
const dateField = (text: string): string => parseThaiDateField(text) ?? text;

/** "9.30" or "9:30" → "09:30" (24-hour clock, as Thai offices write it); else as typed. */
const timeField = (text: string): string => {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : text;
};

export function readMeetingForm(body: unknown): MeetingFormValues {
  const kind = field(body, "kind");
  return {
    scope: field(body, "scope") === "district" ? "district" : "village",
    districtCode: field(body, "districtCode"),
    tambonCode: field(body, "tambonCode"),
    villageNo: field(body, "villageNo"),
    title: field(body, "title"),
    place: field(body, "place"),
    agenda: field(body, "agenda"),
    includePledge: field(body, "includePledge") === "on",
    kind: kind === "monthly-day" || kind === "monthly-weekday" ? kind : "once",
    date: dateField(field(body, "date")),
    day: field(body, "day"),
    nth: field(body, "nth"),
    weekday: field(body, "weekday"),
    time: timeField(field(body, "time")),
    from: dateField(field(body, "from")),
    until: dateField(field(body, "until")),
    durationMinutes: field(body, "durationMinutes"),
  };
}

const THAI_RULE = "กรุณาตรวจสอบวันและเวลาของการประชุมค่ะ";

export function recurrenceFromForm(v: MeetingFormValues): Recurrence {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) throw new ValidationError("bad time", "กรุณาระบุเวลาเริ่มประชุม (ชั่วโมง:นาที) ค่ะ");
  const range = { ...(v.from ? { from: v.from } : {}), ...(v.until ? { until: v.until } : {}) };
  if (v.kind === "once") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new ValidationError("bad date", "กรุณาระบุวันที่ประชุมค่ะ");
    return { kind: "once", date: v.date, time: v.time };
  }
  if (v.kind === "monthly-day") {
    const day = Number(v.day);
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new ValidationError("bad day", THAI_RULE);
    return { kind: "monthly-day", day, time: v.time, ...range };
  }
  const nth = Number(v.nth);
  const weekday = Number(v.weekday);
  if (![1, 2, 3, 4, -1].includes(nth) || !Number.isInteger(weekday) || weekday < 0 || weekday > 6 || v.weekday === "") throw new ValidationError("bad weekday rule", THAI_RULE);
  return { kind: "monthly-weekday", nth: nth as 1 | 2 | 3 | 4 | -1, weekday: weekday as Weekday, time: v.time, ...range };
}

export function agendaFromForm(v: MeetingFormValues): string[] {
  return v.agenda
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function durationFromForm(v: MeetingFormValues): number | undefined {
  if (!v.durationMinutes) return undefined;
  const n = Number(v.durationMinutes);
  if (!Number.isInteger(n) || n < 15 || n > 720) throw new ValidationError("bad duration", "ระยะเวลาประชุมต้องอยู่ระหว่าง 15–720 นาทีค่ะ");
  return n;
}

/** The form's values for an existing meeting (edit page). */
export function formValuesOf(m: {
  scope: string;
  districtCode: string;
  tambonCode?: string | null;
  villageNo?: number | null;
  title: string;
  place: string;
  agenda: string[];
  durationMinutes?: number | null;
  recurrence: Recurrence;
}): MeetingFormValues {
  const r = m.recurrence;
  return {
    scope: m.scope === "district" ? "district" : "village",
    districtCode: m.districtCode,
    tambonCode: m.tambonCode ?? "",
    villageNo: m.villageNo ? String(m.villageNo) : "",
    title: m.title,
    place: m.place,
    agenda: m.agenda.join("\n"),
    includePledge: true,
    kind: r.kind,
    date: r.kind === "once" ? r.date : "",
    day: r.kind === "monthly-day" ? String(r.day) : "",
    nth: r.kind === "monthly-weekday" ? String(r.nth) : "",
    weekday: r.kind === "monthly-weekday" ? String(r.weekday) : "",
    time: r.time,
    from: r.kind !== "once" ? r.from ?? "" : "",
    until: r.kind !== "once" ? r.until ?? "" : "",
    durationMinutes: String(m.durationMinutes ?? 120),
  };
}
