import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readImageSize } from "../line-emulator/image-size";
import { RICH_MENU_SIZE } from "./richmenu-layout";
import { MAX_RICH_MENU_IMAGE_BYTES, renderRichMenuPng } from "./render-richmenu";
import { richMenuSvg } from "./richmenu-svg";

// Regenerates assets/richmenu.png from the SVG template. Run after changing the tiles:
//   npx tsx src/dev/richmenu/generate-richmenu.ts
// then commit the PNG; `npm run cli -- richmenu:setup` uploads it.

export const RICH_MENU_IMAGE_PATH = path.resolve(__dirname, "..", "..", "..", "assets", "richmenu.png");

/** Renders the menu and checks it against LINE's rules before writing it. */
export function generateRichMenuImage(out: string = RICH_MENU_IMAGE_PATH): { path: string; bytes: number } {
  const png = renderRichMenuPng(richMenuSvg());
  const size = readImageSize(png);
  if (!size || size.width !== RICH_MENU_SIZE.width || size.height !== RICH_MENU_SIZE.height) {
    throw new Error(`rendered ${size ? `${size.width}x${size.height}` : "an unreadable image"}, LINE needs ${RICH_MENU_SIZE.width}x${RICH_MENU_SIZE.height}`);
  }
  if (png.length > MAX_RICH_MENU_IMAGE_BYTES) throw new Error(`rendered ${png.length} bytes; LINE allows 1 MB`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, png);
  return { path: out, bytes: png.length };
}

if (require.main === module) {
  const { path: written, bytes } = generateRichMenuImage();
  console.log(`wrote ${path.relative(process.cwd(), written)} (${RICH_MENU_SIZE.width}x${RICH_MENU_SIZE.height}, ${(bytes / 1024).toFixed(0)} KB)`);
}
