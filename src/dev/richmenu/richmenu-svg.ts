import { COLORS } from "../../../flex-messages/theme";
import { RICH_MENU_SIZE, RICH_MENU_TILES, tileBounds, type RichMenuIcon, type RichMenuTile } from "./richmenu-layout";

// The rich menu picture as an SVG template: edit the tiles in richmenu-layout.ts or the
// drawing here, then regenerate assets/richmenu.png (generate-richmenu.ts). Colours are the
// Flex theme's, so the menu and the chat bubbles look like one product. Text uses the
// "Sarabun" family, which the renderer loads from the OFL font package.

export const RICH_MENU_FONT_FAMILY = "Sarabun";

/** Pictograms in a 200x200 box, drawn with a white round stroke. */
const ICONS: Record<RichMenuIcon, string> = {
  book:
    '<path d="M100 50 C80 35 45 32 20 38 V160 C45 154 80 157 100 172 C120 157 155 154 180 160 V38 C155 32 120 35 100 50 Z M100 50 V172"/>',
  pledge: '<path d="M100 20 L170 48 V100 C170 142 140 170 100 185 C60 170 30 142 30 100 V48 Z"/><path d="M65 102 L92 128 L140 76"/>',
  megaphone:
    '<path d="M28 78 H62 L142 38 V162 L62 122 H28 Z"/><path d="M62 122 L76 172 H100 L92 126"/><path d="M162 76 Q182 100 162 124"/>',
  search: '<circle cx="84" cy="84" r="52"/><path d="M122 122 L172 172" stroke-width="24"/>',
  calendar:
    '<rect x="24" y="42" width="152" height="134" rx="16"/><path d="M24 84 H176 M64 24 V58 M136 24 V58"/>' +
    '<path d="M60 116 h2 M99 116 h2 M138 116 h2 M60 148 h2 M99 148 h2" stroke-width="20"/>',
  help: '<circle cx="100" cy="100" r="84"/><path d="M72 78 C72 48 128 46 128 80 C128 104 100 104 100 128"/><path d="M100 158 h1" stroke-width="22"/>',
};

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Card margin inside each tap area, so the tiles read as separate buttons. */
const GAP = 18;
const ICON_RADIUS = 150;
/** Label sizes in px on a 2500 px wide image: a phone shows it about 2.6x smaller. */
const LABEL_PX = 96;
const HINT_PX = 58;
/** Long labels shrink so they stay inside the card (bold Sarabun: about 0.6 em per Thai letter). */
const LABEL_MAX_WIDTH = 690;
const EM_PER_LETTER = 0.6;

function labelSize(label: string): number {
  const letters = label.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, "").length; // marks take no width
  return Math.min(LABEL_PX, Math.floor(LABEL_MAX_WIDTH / (letters * EM_PER_LETTER)));
}

function tileSvg(tile: RichMenuTile, index: number): string {
  const b = tileBounds(index);
  const cx = b.x + b.width / 2;
  const iconCy = b.y + 300;
  return [
    `<rect x="${b.x + GAP}" y="${b.y + GAP}" width="${b.width - 2 * GAP}" height="${b.height - 2 * GAP}" rx="44" fill="${COLORS.surface}"/>`,
    `<circle cx="${cx}" cy="${iconCy}" r="${ICON_RADIUS}" fill="${COLORS.brand}"/>`,
    `<g transform="translate(${cx - 100} ${iconCy - 100})" fill="none" stroke="${COLORS.onBrand}" stroke-width="14" stroke-linecap="round" stroke-linejoin="round">${ICONS[tile.icon]}</g>`,
    `<text x="${cx}" y="${b.y + 590}" text-anchor="middle" font-family="${RICH_MENU_FONT_FAMILY}" font-weight="700" font-size="${labelSize(tile.label)}" fill="${COLORS.text}">${escapeXml(tile.label)}</text>`,
    `<text x="${cx}" y="${b.y + 690}" text-anchor="middle" font-family="${RICH_MENU_FONT_FAMILY}" font-weight="400" font-size="${HINT_PX}" fill="${COLORS.textMuted}">${escapeXml(tile.hint)}</text>`,
  ].join("\n  ");
}

/** The whole menu as an SVG document (pure: tiles in, text out). */
export function richMenuSvg(tiles: readonly RichMenuTile[] = RICH_MENU_TILES): string {
  const { width, height } = RICH_MENU_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `  <rect width="${width}" height="${height}" fill="${COLORS.brand}"/>`,
    ...tiles.map((t, i) => `  ${tileSvg(t, i)}`),
    "</svg>",
    "",
  ].join("\n");
}
