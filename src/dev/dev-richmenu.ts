import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { richMenuClientsFromEnv, setupRichMenu } from "../cli/richmenu.command";

// In dev mode the emulator starts empty each time, so the rich menu is set up on it at
// start, the way `npm run cli -- richmenu:setup` does on LINE, and the chat simulator shows it.

/** Installs assets/richmenu.png as the default rich menu; returns a line saying what happened. */
export async function installDevRichMenu(root: string, emulatorUrl: string, channelAccessToken: string): Promise<string> {
  const image = path.join(root, "assets", "richmenu.png");
  if (!existsSync(image)) return `rich menu: ${path.relative(root, image)} not found, so the simulator shows none`;
  try {
    const clients = richMenuClientsFromEnv({ LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken, LINE_API_BASE_URL: emulatorUrl, LINE_DATA_API_BASE_URL: emulatorUrl });
    const { richMenuId } = await setupRichMenu(clients, readFileSync(image));
    return `rich menu: ${richMenuId} (from assets/richmenu.png)`;
  } catch (err) {
    return `rich menu: not set up (${(err as Error).message})`;
  }
}
