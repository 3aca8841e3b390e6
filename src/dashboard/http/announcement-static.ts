import express, { type RequestHandler, type Router } from "express";
import path from "node:path";
import { AnnouncementImage } from "../../models/announcement.model";
import { findRepoRoot } from "../../util/repo-root";

// Files the announcement pages need: the chat simulator's Flex renderer (the same
// files the simulator runs, so the preview looks as LINE shows it) and the preview
// script; and the public images LINE fetches for sent announcements.
const SIM_FILES = new Set(["flex-render.js", "message-render.js", "icons.js", "flex.css"]);

export function announcementStatic(root: string = findRepoRoot()): Router {
  const r = express.Router();
  const simDir = path.join(root, "src", "dev", "line-emulator", "simulator", "public");
  const send = (dir: string, file: string, res: express.Response) =>
    res.set("Cache-Control", "public, max-age=300").type(file.endsWith(".css") ? "css" : "text/javascript").sendFile(path.join(dir, file));
  r.get("/sim/:file", (req, res, next) => (SIM_FILES.has(req.params.file) ? send(simDir, req.params.file, res) : next()));
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
