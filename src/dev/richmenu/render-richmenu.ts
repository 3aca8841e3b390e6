import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { RICH_MENU_FONT_FAMILY } from "./richmenu-svg";

// SVG → PNG with resvg (a Rust renderer shipped as a prebuilt binary inside its npm package)
// and the Sarabun TTF files from @expo-google-fonts/sarabun (SIL Open Font License 1.1).
// System fonts are not loaded, so the picture is the same on every machine.

/** LINE: a rich menu image is at most 1 MB. */
export const MAX_RICH_MENU_IMAGE_BYTES = 1024 * 1024;

/** The Sarabun weights the template uses (400 for hints, 700 for labels), as TTF paths. */
export function sarabunFontFiles(): string[] {
  const pkg = path.dirname(require.resolve("@expo-google-fonts/sarabun/package.json"));
  return [path.join(pkg, "400Regular", "Sarabun_400Regular.ttf"), path.join(pkg, "700Bold", "Sarabun_700Bold.ttf")];
}

/** Renders an SVG document to PNG bytes at its own size. */
export function renderRichMenuPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: sarabunFontFiles(), defaultFontFamily: RICH_MENU_FONT_FAMILY },
    fitTo: { mode: "original" },
  });
  return resvg.render().asPng();
}
