import { randomBytes } from "node:crypto";
import { ValidationError } from "../../errors";
import { AnnouncementImage, type AnnouncementDoc } from "../../models/announcement.model";
import type { AnnouncementInput } from "../../services/announcement.service";
import { checkImage } from "../../services/announcement-limits";
import { zonedDateTimeToUtc } from "../../util/thai-date";
import { field } from "./render";
import type { UploadedFile } from "./multipart";

// The compose form (multipart, for the image) as the announcement service takes it.
// Area lists are comma- or space-separated codes; district boxes come as repeated fields.
export interface AnnouncementFormValues {
  title: string;
  text: string;
  imageId: string;
  buttonKind: "none" | "url" | "action";
  buttonLabel: string;
  buttonUrl: string;
  buttonAction: string;
  province: boolean;
  districts: string[];
  tambons: string;
  villages: string;
  leaders: boolean;
  remindersOptIn: boolean;
  intent: "draft" | "send" | "schedule";
  sendDate: string;
  sendTime: string;
}

const list = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
const many = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" && v ? [v] : [];
};

export function readAnnouncementForm(body: unknown): AnnouncementFormValues {
  const kind = field(body, "buttonKind");
  const intent = field(body, "intent");
  return {
    title: field(body, "title"),
    text: field(body, "text"),
    imageId: field(body, "removeImage") ? "" : field(body, "imageId"),
    buttonKind: kind === "url" || kind === "action" ? kind : "none",
    buttonLabel: field(body, "buttonLabel"),
    buttonUrl: field(body, "buttonUrl"),
    buttonAction: field(body, "buttonAction"),
    province: field(body, "province") !== "",
    districts: many(body, "districts"),
    tambons: field(body, "tambons"),
    villages: field(body, "villages"),
    leaders: field(body, "leaders") !== "",
    remindersOptIn: field(body, "remindersOptIn") !== "",
    intent: intent === "send" || intent === "schedule" ? intent : "draft",
    sendDate: field(body, "sendDate"),
    sendTime: field(body, "sendTime"),
  };
}

export function formValuesOf(a: AnnouncementDoc): AnnouncementFormValues {
  return {
    title: a.title, text: a.text, imageId: a.imageId ?? "",
    buttonKind: (a.button?.kind as AnnouncementFormValues["buttonKind"]) ?? "none", buttonLabel: a.button?.label ?? "", buttonUrl: a.button?.url ?? "", buttonAction: a.button?.action ?? "",
    province: a.audience.province, districts: [...a.audience.districts], tambons: a.audience.tambons.join(", "), villages: a.audience.villages.join(", "),
    leaders: a.audience.leaders, remindersOptIn: a.audience.remindersOptIn, intent: "draft", sendDate: "", sendTime: "",
  };
}

export function inputOf(v: AnnouncementFormValues): AnnouncementInput {
  return {
    title: v.title,
    text: v.text,
    imageId: v.imageId || undefined,
    button: { kind: v.buttonKind, label: v.buttonLabel, url: v.buttonUrl, action: v.buttonAction },
    audience: { province: v.province, districts: v.districts, tambons: list(v.tambons), villages: list(v.villages), leaders: v.leaders, remindersOptIn: v.remindersOptIn },
  };
}

/** The scheduled time (Asia/Bangkok wall clock), or undefined for "send now". */
export function sendAtOf(v: AnnouncementFormValues, timeZone: string): Date | undefined {
  if (v.intent !== "schedule") return undefined;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.sendDate);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(v.sendTime);
  if (!d || !t) throw new ValidationError("bad send time", "กรุณาระบุวันและเวลาที่จะส่ง (เวลาประเทศไทย) ค่ะ");
  return zonedDateTimeToUtc({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) }, timeZone);
}

/** Stores an uploaded image after checking its type (from the bytes) and size; returns its id. */
export async function storeImage(file: UploadedFile | undefined, officerId: string, now: Date): Promise<string | undefined> {
  if (!file || file.data.length === 0) return undefined;
  const contentType = checkImage(file.data);
  const id = randomBytes(16).toString("hex");
  await AnnouncementImage.create({ _id: id, contentType, size: file.data.length, data: file.data, uploadedBy: officerId, createdAt: now });
  return id;
}
