import { Router, type Response } from "express";
import { bodyObject, findBodyViolations, sendError, sendViolations } from "./http-helpers";
import { makeRichMenuId } from "./ids";
import { readImageSize } from "./image-size";
import type { SchemaViolation } from "./openapi-validator";
import type { EmulatorState, StoredRichMenu } from "./state";

// Rich menu endpoints as the SDK 10.8 calls them: createRichMenu, setRichMenuImage (blob
// client, POST .../content with the image's Content-Type), setDefaultRichMenu,
// getDefaultRichMenuId, getRichMenuList, getRichMenu, deleteRichMenu, per-user link.

// LINE (Messaging API reference, "Rich menu object" and "Upload rich menu image"):
// width 800..2500 px, height >= 250 px, width/height >= 1.45, <= 20 areas, image JPEG/PNG <= 1 MB.
const MAX_AREAS = 20;
const MAX_IMAGE_BYTES = 1024 * 1024;
const IMAGE_TYPES = new Set(["image/png", "image/jpeg"]);

type Obj = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === "number" ? v : NaN);

function findMenuViolations(body: Obj): SchemaViolation[] {
  // Required fields and shapes: request-rules.ts; here the geometry.
  const out: SchemaViolation[] = [];
  const size = (body.size ?? {}) as Obj;
  const [w, h] = [num(size.width), num(size.height)];
  if (body.size !== undefined && !(w >= 800 && w <= 2500 && h >= 250 && w / h >= 1.45)) {
    out.push({ property: "size", message: "width must be 800-2500, height at least 250, width/height at least 1.45" });
  }
  const areas = Array.isArray(body.areas) ? (body.areas as Obj[]) : [];
  if (areas.length > MAX_AREAS) out.push({ property: "areas", message: `must have at most ${MAX_AREAS} areas` });
  areas.forEach((area, i) => {
    const b = (area?.bounds ?? {}) as Obj;
    if (num(b.x) + num(b.width) > w || num(b.y) + num(b.height) > h) {
      out.push({ property: `areas[${i}].bounds`, message: "must lie inside the rich menu" });
    }
  });
  return out;
}

function findMenu(state: EmulatorState, res: Response, id: string): StoredRichMenu | undefined {
  const menu = state.richMenus.get(id);
  if (!menu) sendError(res, 404, "Not found");
  return menu;
}

const describeMenu = (m: StoredRichMenu) => ({ richMenuId: m.richMenuId, ...m.request });

export function richMenuRoutes(state: EmulatorState): Router {
  const router = Router();

  router.post("/bot/richmenu", (req, res) => {
    const body = bodyObject(req);
    const violations = [...findBodyViolations(state, "RichMenuRequest", body), ...findMenuViolations(body)];
    if (violations.length > 0) return sendViolations(res, violations);
    const richMenuId = makeRichMenuId();
    state.richMenus.set(richMenuId, { richMenuId, request: body });
    res.status(200).json({ richMenuId });
  });

  router.post("/bot/richmenu/:richMenuId/content", (req, res) => {
    const menu = findMenu(state, res, req.params.richMenuId);
    if (!menu) return;
    const contentType = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (!IMAGE_TYPES.has(contentType) || !Buffer.isBuffer(req.body)) return sendError(res, 415, "Unsupported Media Type");
    const image: Buffer = req.body;
    if (image.length > MAX_IMAGE_BYTES) return sendError(res, 413, "Request Entity Too Large");
    // LINE: an uploaded rich menu image cannot be replaced; create a new menu instead.
    if (menu.image) return sendError(res, 400, "An image has already been uploaded to the richmenu");
    const size = readImageSize(image);
    const want = menu.request.size as Obj;
    if (!size || size.width !== want.width || size.height !== want.height) {
      const got = size ? `${size.width}x${size.height}` : "unreadable";
      return sendError(res, 400, `Image size (${got}) must match the rich menu size ${want.width}x${want.height}`);
    }
    menu.image = { contentType, body: image };
    res.status(200).json({});
  });

  router.get("/bot/richmenu/:richMenuId/content", (req, res) => {
    const menu = findMenu(state, res, req.params.richMenuId);
    if (!menu) return;
    if (!menu.image) return sendError(res, 404, "Not found");
    res.status(200).type(menu.image.contentType).send(menu.image.body);
  });

  router.get("/bot/richmenu/list", (_req, res) => {
    res.status(200).json({ richmenus: [...state.richMenus.values()].map(describeMenu) });
  });

  router.get("/bot/richmenu/:richMenuId", (req, res) => {
    const menu = findMenu(state, res, req.params.richMenuId);
    if (menu) res.status(200).json(describeMenu(menu));
  });

  router.delete("/bot/richmenu/:richMenuId", (req, res) => {
    if (!findMenu(state, res, req.params.richMenuId)) return;
    state.richMenus.delete(req.params.richMenuId);
    if (state.defaultRichMenuId === req.params.richMenuId) state.defaultRichMenuId = undefined;
    for (const [userId, id] of state.userRichMenus) if (id === req.params.richMenuId) state.userRichMenus.delete(userId);
    res.status(200).json({});
  });

  router.post("/bot/user/all/richmenu/:richMenuId", (req, res) => {
    const menu = findMenu(state, res, req.params.richMenuId);
    if (!menu) return;
    // LINE: a menu is shown only with its image, so linking an imageless menu is a 400.
    if (!menu.image) return sendError(res, 400, "must upload richmenu image before applying it to user");
    state.defaultRichMenuId = menu.richMenuId;
    res.status(200).json({});
  });

  router.get("/bot/user/all/richmenu", (_req, res) => {
    if (!state.defaultRichMenuId) return sendError(res, 404, "no default richmenu");
    res.status(200).json({ richMenuId: state.defaultRichMenuId });
  });

  router.delete("/bot/user/all/richmenu", (_req, res) => {
    state.defaultRichMenuId = undefined;
    res.status(200).json({});
  });

  router.post("/bot/user/:userId/richmenu/:richMenuId", (req, res) => {
    const menu = findMenu(state, res, req.params.richMenuId);
    if (!menu) return;
    if (!menu.image) return sendError(res, 400, "must upload richmenu image before applying it to user");
    state.userRichMenus.set(req.params.userId, menu.richMenuId);
    res.status(200).json({});
  });

  router.get("/bot/user/:userId/richmenu", (req, res) => {
    const id = state.userRichMenus.get(req.params.userId);
    if (!id) return sendError(res, 404, "the user has no richmenu");
    res.status(200).json({ richMenuId: id });
  });

  router.delete("/bot/user/:userId/richmenu", (req, res) => {
    state.userRichMenus.delete(req.params.userId);
    res.status(200).json({});
  });

  return router;
}
