import { readFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "../util/repo-root";
import { messagingApi } from "@line/bot-sdk";
import { z } from "zod";
import { readImageSize } from "../dev/line-emulator/image-size";
import { RICH_MENU_NAME, richMenuRequest } from "../dev/richmenu/richmenu-layout";
import type { CliCommand } from "./commands";

// `npm run cli -- richmenu:setup [--image path.png]`: creates Sujarit's rich menu through the
// Messaging API, uploads its picture and makes it every user's default. LINE cannot replace
// the picture of an existing menu, so each run creates a new menu and then deletes the older
// menus of the same name. Needs only the LINE variables, not the database.

export const DEFAULT_RICH_MENU_IMAGE = path.join(findRepoRoot(__dirname), "assets", "richmenu.png");
/** LINE: a rich menu image is a PNG or JPEG of at most 1 MB. */
const MAX_IMAGE_BYTES = 1024 * 1024;

const envSchema = z.object({
  LINE_CHANNEL_ACCESS_TOKEN: z.string({ required_error: "is required: a channel access token from the LINE Developers console" }).min(10, "must be a channel access token from the LINE Developers console"),
  LINE_API_BASE_URL: z.string().url("must be a URL such as https://api.line.me").default("https://api.line.me"),
  LINE_DATA_API_BASE_URL: z.string().url("must be a URL such as https://api-data.line.me").default("https://api-data.line.me"),
});

export interface RichMenuClients {
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
}

export interface RichMenuSetupResult {
  richMenuId: string;
  /** Older menus named RICH_MENU_NAME that were removed. */
  deleted: string[];
}

/** The LINE clients from the environment; throws one line naming the variable to fix. */
export function richMenuClientsFromEnv(env: NodeJS.ProcessEnv = process.env): RichMenuClients {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Config error: ${String(issue.path[0])} ${issue.message}. Set it in .env or the environment (see .env.example).`);
  }
  const e = parsed.data;
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN, baseURL: e.LINE_API_BASE_URL }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN, baseURL: e.LINE_DATA_API_BASE_URL }),
  };
}

/** Checks the picture against the menu before anything is created (LINE would reject it after). */
export function checkRichMenuImage(image: Buffer, request: messagingApi.RichMenuRequest): "image/png" | "image/jpeg" {
  const size = readImageSize(image);
  if (!size) throw new Error("the rich menu image must be a PNG or JPEG file");
  const want = request.size ?? { width: 0, height: 0 };
  if (size.width !== want.width || size.height !== want.height) {
    throw new Error(`the rich menu image is ${size.width}x${size.height}; the menu needs ${want.width}x${want.height}`);
  }
  if (image.length > MAX_IMAGE_BYTES) throw new Error(`the rich menu image is ${image.length} bytes; LINE allows 1 MB`);
  return size.type === "png" ? "image/png" : "image/jpeg";
}

/** Create → upload the picture → set as default → delete the menus it replaces. */
export async function setupRichMenu(
  clients: RichMenuClients,
  image: Buffer,
  request: messagingApi.RichMenuRequest = richMenuRequest(),
): Promise<RichMenuSetupResult> {
  const contentType = checkRichMenuImage(image, request);
  const { richMenuId } = await clients.api.createRichMenu(request);
  await clients.blob.setRichMenuImage(richMenuId, new Blob([image], { type: contentType }));
  await clients.api.setDefaultRichMenu(richMenuId);
  const { richmenus } = await clients.api.getRichMenuList();
  const deleted: string[] = [];
  for (const old of richmenus.filter((m) => m.name === request.name && m.richMenuId !== richMenuId)) {
    await clients.api.deleteRichMenu(old.richMenuId);
    deleted.push(old.richMenuId);
  }
  return { richMenuId, deleted };
}

/** The CLI entry: `richmenu:setup [--image file]`. Returns the process exit code. */
export async function runRichMenuSetup(args: readonly string[], env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): Promise<number> {
  const at = args.indexOf("--image");
  const file = at >= 0 && args[at + 1] ? path.resolve(args[at + 1]!) : DEFAULT_RICH_MENU_IMAGE;
  const clients = richMenuClientsFromEnv(env);
  const { richMenuId, deleted } = await setupRichMenu(clients, readFileSync(file));
  log(`rich menu "${RICH_MENU_NAME}" is now the default: ${richMenuId}`);
  if (deleted.length > 0) log(`removed ${deleted.length} older menu(s): ${deleted.join(", ")}`);
  return 0;
}

export const richMenuCommands: Record<string, CliCommand> = {
  "richmenu:setup": {
    summary: "create the rich menu from assets/richmenu.png and make it the default [--image file]",
    run: (args) => runRichMenuSetup(args),
  },
};
