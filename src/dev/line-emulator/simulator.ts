import express, { type Express } from "express";
import { existsSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "../../util/repo-root";

export { findRepoRoot };
import { simRoutes } from "./routes-sim";
import { simRichMenuRoutes } from "./sim-richmenu";
import { SimStore } from "./sim-store";
import { SimTranscript } from "./sim-transcript";
import { SimUsers } from "./sim-users";
import type { LineEmulator } from "./types";

// The chat simulator on the LINE emulator: a web page (/simulator/) where a person
// chats with the bot as a LINE user, and its control API (/__sim). Mounted from
// outside the emulator's own server, on `emulator.app`, after the LINE API routes.

export interface Simulator {
  users: SimUsers;
  transcript: SimTranscript;
  /** Set when the simulator keeps its chats in a folder; stop() writes them a last time. */
  store?: SimStore;
  /** http://127.0.0.1:<port>/simulator/ */
  pageUrl: string;
}

/** The static page lives in the source tree (plain JS + CSS), so tsx and dist serve the same files. */
export function simulatorPublicDir(root: string = findRepoRoot()): string {
  return path.join(root, "src", "dev", "line-emulator", "simulator", "public");
}

// Sarabun (OFL) from the npm package the rich menu image uses; without it the page
// falls back to the system's Thai font.
const FONT_FILES: Record<string, string> = {
  "sarabun-400.ttf": "400Regular/Sarabun_400Regular.ttf",
  "sarabun-700.ttf": "700Bold/Sarabun_700Bold.ttf",
  "sarabun-400-italic.ttf": "400Regular_Italic/Sarabun_400Regular_Italic.ttf",
};

function mountFonts(app: Express, root: string): void {
  const fontDir = path.join(root, "node_modules", "@expo-google-fonts", "sarabun");
  app.get("/__sim/fonts/:file", (req, res) => {
    const rel = FONT_FILES[req.params.file];
    const file = rel && path.join(fontDir, rel);
    if (!file || !existsSync(file)) return void res.status(404).end();
    res.setHeader("cache-control", "public, max-age=86400");
    res.type("font/ttf").sendFile(file);
  });
}

export interface SimulatorOptions {
  /** The channel's token, so the page can read the rich menu through the LINE API; no token, no rich menu. */
  channelAccessToken?: string;
  /** Keep users and chat history here across restarts (npm run dev: .data/simulator). */
  dataDir?: string;
}

export function mountSimulator(emulator: LineEmulator, opts: SimulatorOptions = {}): Simulator {
  const root = findRepoRoot();
  const users = new SimUsers(emulator);
  const transcript = new SimTranscript(emulator);
  const store = opts.dataDir ? new SimStore(opts.dataDir, users, transcript) : undefined;
  store?.start();
  const app = emulator.app;
  mountFonts(app, root);
  const richMenu = opts.channelAccessToken ? [simRichMenuRoutes({ emulatorUrl: emulator.url, channelAccessToken: opts.channelAccessToken, users })] : [];
  app.use("/__sim", simRoutes({ emulator, users, transcript, store }, ...richMenu));
  // no-store: edits to the page show on reload, without a build step.
  app.use("/simulator", express.static(simulatorPublicDir(root), { setHeaders: (res) => res.setHeader("cache-control", "no-store") }));
  app.get("/", (_req, res) => res.redirect(302, "/simulator/"));
  return { users, transcript, store, pageUrl: `${emulator.url}/simulator/` };
}
