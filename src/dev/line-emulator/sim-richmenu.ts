import { Router } from "express";
import type { SimUsers } from "./sim-users";

// The rich menu a simulated user would see under the chat, read through the
// emulator's own Messaging API (as the LINE app would get it): the user's linked
// menu, else the default one. The page draws its picture with tappable areas.

export interface SimRichMenuDeps {
  emulatorUrl: string;
  channelAccessToken: string;
  users: SimUsers;
}

async function lineGet(deps: SimRichMenuDeps, path: string): Promise<Response> {
  return fetch(`${deps.emulatorUrl}/v2${path}`, { headers: { authorization: `Bearer ${deps.channelAccessToken}` } });
}

/** The id of the menu LINE shows this user: linked per user, else the default; undefined for none. */
async function menuIdFor(deps: SimRichMenuDeps, userId: string): Promise<string | undefined> {
  for (const path of [`/bot/user/${userId}/richmenu`, "/bot/user/all/richmenu"]) {
    const res = await lineGet(deps, path);
    if (res.ok) return ((await res.json()) as { richMenuId: string }).richMenuId;
  }
  return undefined;
}

export function simRichMenuRoutes(deps: SimRichMenuDeps): Router {
  const router = Router();

  router.get("/users/:user/richmenu", async (req, res) => {
    const user = deps.users.resolve(String(req.params.user));
    const richMenuId = await menuIdFor(deps, user.userId);
    if (!richMenuId) return void res.status(404).json({ message: "no rich menu for this user" });
    const menu = await lineGet(deps, `/bot/richmenu/${encodeURIComponent(richMenuId)}`);
    if (!menu.ok) return void res.status(404).json({ message: "the rich menu is gone" });
    res.json({ ...((await menu.json()) as object), imageUrl: `/__sim/richmenu/${encodeURIComponent(richMenuId)}/image` });
  });

  router.get("/richmenu/:richMenuId/image", async (req, res) => {
    const image = await lineGet(deps, `/bot/richmenu/${encodeURIComponent(req.params.richMenuId)}/content`);
    if (!image.ok) return void res.status(404).end();
    res.type(image.headers.get("content-type") ?? "image/png").send(Buffer.from(await image.arrayBuffer()));
  });

  return router;
}
