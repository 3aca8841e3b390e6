import express, { type RequestHandler, type Router } from "express";
import path from "node:path";
import { AnnouncementImage } from "../../models/announcement.model";
import { findRepoRoot } from "../../util/repo-root";

// Files the announcement pages need: the chat simulator's Flex renderer (the same
// files the simulator runs, so the preview looks as LINE shows it) and the preview
// script; and the public images LINE fetches for sent announcements.
const SIM_FILES = new Set(["flex-render.js", "message-render.js", "icons.js", "flex.css"]);

/** Layout of the compose page and the phone-sized preview (the rest is dashboard.css). */
export const ANNOUNCEMENT_CSS = `
.compose { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 60rem) { .compose { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; } .compose .preview { position: sticky; top: 1rem; } }
.phone { background: #8ba3c7; padding: 12px 10px; border-radius: 12px; max-width: 390px; box-sizing: border-box; font-family: "Sarabun", "Noto Sans Thai", sans-serif; }
.phone > * { max-width: 100%; }
.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .25rem .75rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
form.inline { display: inline; }
ul.errors { color: #9b1c1c; padding-left: 1.25rem; }
.hint { color: #4b5563; font-size: .95em; }
`;

export function announcementStatic(root: string = findRepoRoot()): Router {
  const r = express.Router();
  const simDir = path.join(root, "src", "dev", "line-emulator", "simulator", "public");
  const send = (dir: string, file: string, res: express.Response) =>
    res.set("Cache-Control", "public, max-age=300").type(file.endsWith(".css") ? "css" : "text/javascript").sendFile(path.join(dir, file));
  r.get("/sim/:file", (req, res, next) => (SIM_FILES.has(req.params.file) ? send(simDir, req.params.file, res) : next()));
  r.get("/announcements.css", (_req, res) => void res.set("Cache-Control", "public, max-age=300").type("css").send(ANNOUNCEMENT_CSS));
  r.get("/announcement-preview.js", (_req, res) => send(path.join(root, "src", "dashboard", "static"), "announcement-preview.js", res));
  return r;
}

/** GET /media/announcements/:id: an uploaded image, public (LINE fetches it); the id is 128 random bits. */
export const announcementMedia: RequestHandler = async (req, res, next) => {
  const id = String(req.params.id);
  if (!/^[0-9a-f]{32}$/.test(id)) return void res.status(404).end();
  try {
    const img = await AnnouncementImage.findById(id).lean();
    if (!img) return void res.status(404).end();
    const data: unknown = img.data;
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from((data as { buffer: Uint8Array }).buffer);
    res.set({ "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" }).type(img.contentType).send(bytes);
  } catch (err) {
    next(err);
  }
};
