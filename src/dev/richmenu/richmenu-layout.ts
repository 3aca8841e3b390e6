import type { messagingApi } from "@line/bot-sdk";
import { postbackData } from "../../../flex-messages";

// The rich menu: six tiles, 3 across and 2 down, on LINE's large template (2500x1686).
// One list drives both the picture (richmenu-svg.ts) and the tap areas sent to LINE
// (the richmenu:setup command), so a tile and its action cannot drift apart.

/** LINE: rich menu images are 2500x1686 (large) or 2500x843 (compact); PNG or JPEG, ≤ 1 MB. */
export const RICH_MENU_SIZE = { width: 2500, height: 1686 } as const;
export const RICH_MENU_NAME = "sujarit-main";
/** LINE: chatBarText is at most 14 characters. */
export const RICH_MENU_CHAT_BAR_TEXT = "เมนูสุจริต";
export const RICH_MENU_COLUMNS = 3;
export const RICH_MENU_ROWS = 2;

export type RichMenuIcon = "book" | "pledge" | "megaphone" | "search" | "calendar" | "help";

export interface RichMenuTile {
  /** Big Thai label on the tile; also the chat text shown when tapped (displayText). */
  label: string;
  /** Smaller second line. */
  hint: string;
  icon: RichMenuIcon;
  /** The router's postback action (domain.verb). */
  action: string;
}

/** Left to right, top to bottom. */
export const RICH_MENU_TILES: readonly RichMenuTile[] = [
  { label: "เรื่องน่ารู้", hint: "ไม่รับ ไม่ให้ · กฎหมาย", icon: "book", action: "topic.menu" },
  { label: "ประกาศเจตนารมณ์", hint: "ร่วมไม่รับ ไม่ให้", icon: "pledge", action: "pledge.start" },
  { label: "แจ้งร้องเรียน", hint: "แจ้งเบาะแสทุจริต", icon: "megaphone", action: "complaint.start" },
  { label: "ติดตามเรื่อง", hint: "สถานะเรื่องที่แจ้ง", icon: "search", action: "complaint.track" },
  { label: "ประชุมหมู่บ้าน", hint: "ครั้งต่อไป · แจ้งเตือน", icon: "calendar", action: "meeting.next" },
  { label: "ช่วยเหลือ", hint: "เมนูและวิธีใช้", icon: "help", action: "menu.show" },
];

export interface TileBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The tap area of tile i: the grid splits 2500 px into 833 + 833 + 834 so nothing is left over. */
export function tileBounds(index: number): TileBounds {
  const col = index % RICH_MENU_COLUMNS;
  const row = Math.floor(index / RICH_MENU_COLUMNS);
  const x = Math.round((col * RICH_MENU_SIZE.width) / RICH_MENU_COLUMNS);
  const y = Math.round((row * RICH_MENU_SIZE.height) / RICH_MENU_ROWS);
  const x2 = Math.round(((col + 1) * RICH_MENU_SIZE.width) / RICH_MENU_COLUMNS);
  const y2 = Math.round(((row + 1) * RICH_MENU_SIZE.height) / RICH_MENU_ROWS);
  return { x, y, width: x2 - x, height: y2 - y };
}

/** A RichMenuRequest with every field LINE requires present (the SDK type marks them optional). */
export type CompleteRichMenuRequest = messagingApi.RichMenuRequest &
  Required<Pick<messagingApi.RichMenuRequest, "size" | "selected" | "name" | "chatBarText" | "areas">>;

/** The body of POST /v2/bot/richmenu for the tiles above. Pure: no I/O. */
export function richMenuRequest(tiles: readonly RichMenuTile[] = RICH_MENU_TILES): CompleteRichMenuRequest {
  return {
    size: { ...RICH_MENU_SIZE },
    selected: true,
    name: RICH_MENU_NAME,
    chatBarText: RICH_MENU_CHAT_BAR_TEXT,
    areas: tiles.map((tile, i) => ({
      bounds: tileBounds(i),
      action: { type: "postback", label: tile.label, data: postbackData(tile.action), displayText: tile.label },
    })),
  };
}
