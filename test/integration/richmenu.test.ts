import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { messagingApi } from "@line/bot-sdk";
import { DEFAULT_RICH_MENU_IMAGE, runRichMenuSetup, setupRichMenu } from "../../src/cli/richmenu.command";
import { makePngHeader, readImageSize, startLineEmulator, type LineEmulator } from "../../src/dev/line-emulator";
import { RICH_MENU_NAME } from "../../src/dev/richmenu/richmenu-layout";
import { TEST_ACCESS_TOKEN, TEST_CHANNEL_SECRET } from "../helpers/test-config";

// Protects `npm run cli -- richmenu:setup` end to end against the LINE emulator: the menu is
// created, its committed picture uploaded and made the default; a rerun replaces it.
describe("richmenu:setup against the LINE emulator", () => {
  let line: LineEmulator;
  let env: NodeJS.ProcessEnv;
  let api: messagingApi.MessagingApiClient;
  const logs: string[] = [];

  before(async () => {
    line = await startLineEmulator({ channelSecret: TEST_CHANNEL_SECRET, channelAccessToken: TEST_ACCESS_TOKEN });
    env = { LINE_CHANNEL_ACCESS_TOKEN: TEST_ACCESS_TOKEN, LINE_API_BASE_URL: line.url, LINE_DATA_API_BASE_URL: line.url };
    api = new messagingApi.MessagingApiClient({ channelAccessToken: TEST_ACCESS_TOKEN, baseURL: line.url });
  });
  after(() => line.close());

  test("the committed assets/richmenu.png is a 2500x1686 PNG under 1 MB", () => {
    const png = readFileSync(DEFAULT_RICH_MENU_IMAGE);
    assert.deepEqual(readImageSize(png), { width: 2500, height: 1686, type: "png" });
    assert.ok(png.length < 1024 * 1024, `${png.length} bytes`);
  });

  test("creates the menu, uploads the picture and sets it as the default", async () => {
    assert.equal(await runRichMenuSetup([], env, (l) => logs.push(l)), 0);
    const id = line.defaultRichMenuId();
    assert.ok(id);
    assert.match(logs.join("\n"), new RegExp(id));
    const menu = await api.getRichMenu(id);
    assert.equal(menu.name, RICH_MENU_NAME);
    assert.deepEqual(menu.areas.map((a) => (a.action as { data: string }).data), [
      "a=topic.menu", "a=pledge.start", "a=complaint.start", "a=complaint.track", "a=meeting.next", "a=menu.show",
    ]);
    const content = line.requests.find((r) => r.method === "POST" && r.path.endsWith(`/richmenu/${id}/content`));
    assert.equal(content?.status, 200);
    assert.equal(content?.headers["content-type"], "image/png");
    const stored = await fetch(`${line.url}/v2/bot/richmenu/${id}/content`, { headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}` } });
    assert.deepEqual(Buffer.from(await stored.arrayBuffer()), readFileSync(DEFAULT_RICH_MENU_IMAGE));
  });

  test("a second run replaces the menu and deletes the old one", async () => {
    const first = line.defaultRichMenuId()!;
    await runRichMenuSetup([], env, () => undefined);
    const second = line.defaultRichMenuId()!;
    assert.notEqual(second, first);
    const { richmenus } = await api.getRichMenuList();
    assert.deepEqual(richmenus.filter((m) => m.name === RICH_MENU_NAME).map((m) => m.richMenuId), [second]);
  });

  test("a picture of the wrong size is refused before anything is created", async () => {
    const before = line.requests.length;
    const clients = { api, blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: TEST_ACCESS_TOKEN, baseURL: line.url }) };
    await assert.rejects(setupRichMenu(clients, makePngHeader(2500, 843)), /2500x843.*2500x1686/);
    assert.equal(line.requests.length, before);
  });

  test("`npm run cli -- richmenu:setup` runs the command through the CLI entry point", async () => {
    const root = path.resolve(__dirname, "..", "..");
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    const { stdout } = await promisify(execFile)(tsx, ["src/cli/cli.ts", "richmenu:setup"], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      timeout: 60_000,
    });
    const id = line.defaultRichMenuId()!;
    assert.match(stdout, new RegExp(`now the default: ${id}`));
    const bad = await promisify(execFile)(tsx, ["src/cli/cli.ts", "richmenu:nope"], { cwd: root, env: { PATH: process.env.PATH } }).catch((e: { code: number; stderr: string }) => e);
    assert.equal((bad as { code: number }).code, 2);
    assert.match((bad as { stderr: string }).stderr, /unknown command "richmenu:nope"[\s\S]*richmenu:setup/);
  });

  test("a missing access token is reported by name", async () => {
    await assert.rejects(runRichMenuSetup([], { LINE_API_BASE_URL: line.url }), /LINE_CHANNEL_ACCESS_TOKEN/);
  });
});
