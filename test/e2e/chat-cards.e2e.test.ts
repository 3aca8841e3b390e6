import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { makeUserId } from "../../src/dev/line-emulator";
import { mountSimulator } from "../../src/dev/line-emulator/simulator";
import { chatCatalog } from "../helpers/chat-catalog";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_ACCESS_TOKEN } from "../helpers/test-config";
import { NAME_SHIM, flexLayoutProblems, quickReplyProblems } from "./layout-checks";

// Every card the bot sends, drawn by the chat simulator's own renderer in Chromium on a
// 390 px phone: no text cut off, nothing wider than its card or the screen, no word
// broken mid-syllable, no "ค่ะ" alone on a line, no "…" on a button or quick reply, no
// emoji beside a quick reply's icon. Each card is saved to test-artifacts/ at 390 and
// 1280 px (the simulator keeps its phone-sized column on a wide screen).
const ROOT = path.resolve(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "chat");
const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && existsSync(p));
const SKIP = CHROMIUM ? false : "chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH)";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let h: Harness;
let browser: BrowserContext;
let page: Page;
let profileDir: string;
const catalog = chatCatalog();

describe("every chat card at phone width", { skip: SKIP }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness("chat-cards-e2e");
    mountSimulator(h.line, { channelAccessToken: TEST_ACCESS_TOKEN });
    profileDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-cards-"));
    browser = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 390, height: 844 }, locale: "th-TH" });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
    await page.addInitScript(NAME_SHIM);
    await page.goto(`${h.line.url}/simulator/?user=resident`);
    await page.waitForSelector("#user-select option", { state: "attached" });
    await page.evaluate(() => (globalThis as any).document.fonts.ready);
  });
  after(async () => {
    await browser?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await h?.close();
  });

  const problems: Record<string, string[]> = {};
  for (const { name, message } of catalog) {
    test(`${name} fits a 390 px phone`, async () => {
      const rows = page.locator(".row-bot");
      const before = await rows.count();
      const push = await fetch(`${h.line.url}/v2/bot/message/push`, {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ to: makeUserId("sim:resident"), messages: [message] }),
      });
      assert.equal(push.status, 200, await push.text());
      await page.waitForFunction((n) => (globalThis as any).document.querySelectorAll(".row-bot").length > n, before);
      const row = rows.last();
      await row.scrollIntoViewIfNeeded();
      await row.screenshot({ path: path.join(ARTIFACTS, `${name}-390.png`) });
      problems[name] = [...(await flexLayoutProblems(row)), ...(await quickReplyProblems(page))];
      assert.deepEqual(problems[name], []);
    });
  }

  test("the same cards at 1280 px", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const rows = page.locator(".row-bot");
    const count = await rows.count();
    assert.ok(count >= catalog.length);
    for (let i = 0; i < catalog.length; i++) {
      const row = rows.nth(count - catalog.length + i);
      await row.scrollIntoViewIfNeeded();
      await row.screenshot({ path: path.join(ARTIFACTS, `${catalog[i]!.name}-1280.png`) });
      assert.deepEqual(await flexLayoutProblems(row), [], catalog[i]!.name);
    }
  });
});
