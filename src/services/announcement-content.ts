import type { messagingApi } from "@line/bot-sdk";
import { announcementFlex, type AnnouncementContent } from "../../flex-messages/announcement.flex";

// From a stored (or submitted) announcement to what the Flex builder takes. The image
// is served by the bot itself (/media/announcements/<id>) under PUBLIC_BASE_URL.
export interface StoredContent {
  title: string;
  text: string;
  office: string;
  imageId?: string | null;
  button?: { kind?: string | null; label?: string | null; url?: string | null; action?: string | null } | null;
}

export const imageUrlOf = (baseUrl: string, imageId: string): string => `${baseUrl.replace(/\/$/, "")}/media/announcements/${imageId}`;

export function contentOf(a: StoredContent, baseUrl: string): AnnouncementContent {
  const b = a.button;
  let button: AnnouncementContent["button"];
  if (b?.kind === "url") button = { kind: "url", label: b.label ?? "", url: b.url ?? "" };
  else if (b?.kind === "action") button = { kind: "action", label: b.label ?? "", action: b.action ?? "menu.show" };
  return { title: a.title, text: a.text, office: a.office, imageUrl: a.imageId ? imageUrlOf(baseUrl, a.imageId) : undefined, button };
}

export function messagesOf(a: StoredContent, baseUrl: string): messagingApi.Message[] {
  return [announcementFlex(contentOf(a, baseUrl))];
}
