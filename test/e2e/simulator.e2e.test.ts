import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { EXPLAINERS, getExplainer } from "../../src/content/explainers";
import { makePngHeader, makeUserId } from "../../src/dev/line-emulator";
import { installDevRichMenu } from "../../src/dev/dev-richmenu";
import { mountSimulator } from "../../src/dev/line-emulator/simulator";
import { InboxEvent } from "../../src/models/inbox-event.model";
import { openPayload } from "../../src/webhook/inbox-payload";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_ACCESS_TOKEN } from "../helpers/test-config";

// The chat simulator page in a real browser (Debian's chromium + playwright-core),
// against the real bot on the embedded database: a person chats as a LINE user, taps Flex
// buttons and quick replies, switches users, and sends a location, a photo and a date.
// Browser globals used inside page callbacks (tsconfig has no DOM lib).
declare const document: { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number } };
declare function getComputedStyle(el: unknown): { backgroundColor: string; fontSize: string };

const ROOT = path.resolve(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && existsSync(p));
const SKIP = CHROMIUM ? false : "chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH); CI installs it";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let h: Harness;
let browser: BrowserContext;
let page: Page;
let profileDir: string;

/** The bot's Flex bubbles that are not in a carousel, i.e. explainers. */
const singleBubbles = () => page.locator(".row-bot .msg-line > [data-testid=flex-bubble]");

async function send(text: string): Promise<void> {
  await page.fill("[data-testid=composer-input]", text);
  await page.click("[data-testid=send-button]");
}

describe("chat simulator in Chromium", { skip: SKIP }, () => {
  before(async () => {
    h = await startHarness("simulator-e2e");
    mountSimulator(h.line, { channelAccessToken: TEST_ACCESS_TOKEN });
    profileDir = mkdtempSync(path.join(os.tmpdir(), "sujarit-chromium-"));
    browser = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 420, height: 860 } });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
    await page.goto(`${h.line.url}/simulator/?user=resident`);
    await page.waitForSelector("#user-select option", { state: "attached" });
  });
  after(async () => {
    await browser?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await h?.close();
  });

  test("typing เมนู shows the topic carousel with one card per topic, and the quick replies", async () => {
    await send("เมนู");
    await page.waitForSelector("[data-testid=flex-carousel]");
    assert.equal(await page.locator(".row-user .msg-text").last().textContent(), "เมนู");
    assert.equal(await page.locator("[data-testid=flex-carousel] [data-testid=flex-bubble]").count(), Math.min(EXPLAINERS.length, 12));
    await page.waitForSelector("[data-testid=quick-replies] .quick-chip");
    // The carousel scrolls sideways instead of squeezing its cards.
    const scroll = await page.locator("[data-testid=flex-carousel]").evaluate((el) => el.scrollWidth > el.clientWidth);
    assert.ok(scroll, "the carousel overflows horizontally");
  });

  test("อ่านต่อ on a topic shows its explainer with the source line; the tap reads as the topic's title", async () => {
    const topic = EXPLAINERS[1]!;
    await page.locator("[data-testid=flex-carousel] [data-testid=flex-bubble]").nth(1).getByRole("button", { name: "อ่านต่อ" }).click();
    const explainer = singleBubbles().last();
    await explainer.waitFor();
    await page.locator(".row-user .msg-text", { hasText: topic.title }).waitFor();
    const text = (await explainer.textContent()) ?? "";
    assert.ok(text.includes(topic.title));
    assert.match(text, /ที่มา: /);
    // Rendered as designed: the teal header block, readable "sm" (14px) source text.
    const header = explainer.locator(".fx-block-header > .fx-box");
    assert.equal(await header.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(11, 93, 85)");
    const source = explainer.locator(".fx-text", { hasText: "ที่มา:" });
    assert.equal(await source.evaluate((el) => getComputedStyle(el).fontSize), "14px");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewportSize({ width: 420, height: 1800 });
    await explainer.scrollIntoViewIfNeeded();
    await explainer.screenshot({ path: path.join(ARTIFACTS, "simulator-explainer.png") });
    await page.screenshot({ path: path.join(ARTIFACTS, "simulator-chat.png") });
    await page.setViewportSize({ width: 420, height: 860 });
  });

  test("a quick reply opens the suggested next topic", async () => {
    const current = EXPLAINERS[1]!;
    const next = getExplainer(current.followUps[0]!)!;
    const before = await singleBubbles().count();
    await page.locator("[data-testid=quick-replies] .quick-chip").first().click();
    await page.waitForFunction((n) => document.querySelectorAll(".row-bot .msg-line > [data-testid=flex-bubble]").length > n, before);
    assert.ok(((await singleBubbles().last().textContent()) ?? "").replace(/\u2060/g, "").replace(/\u00A0/g, " ").includes(next.title));
  });

  test("switching to the headman shows their own chat, and switching back restores the resident's", async () => {
    await page.selectOption("[data-testid=user-select]", { label: "ผู้ใหญ่บ้าน (บุญมา)" });
    await page.waitForFunction(() => !document.querySelector("[data-testid=flex-carousel]"));
    await send("ไม่รับ ไม่ให้");
    await singleBubbles().first().waitFor();
    assert.equal(await page.locator("[data-testid=flex-carousel]").count(), 0, "the resident's menu is not in the headman's chat");
    assert.ok(h.line.messagesTo(makeUserId("sim:headman")).length > 0);
    await page.selectOption("[data-testid=user-select]", { label: "ชาวบ้าน (สมศรี)" });
    await page.waitForSelector("[data-testid=flex-carousel]");
  });

  test("a location from the attach sheet and a photo from the camera quick reply reach the bot", async () => {
    await page.click("#attach-button");
    await page.click("[data-attach=location]");
    await page.click("#location-dialog button.primary");
    await page.locator(".row-user .msg-location", { hasText: "ศาลากลางจังหวัดขอนแก่น" }).waitFor();
    await page.locator(".row-bot .msg-text", { hasText: "ได้รับตำแหน่ง" }).waitFor();
    await page.click("#attach-button");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click("[data-attach=image]")]);
    await chooser.setFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.concat([makePngHeader(40, 30), Buffer.alloc(64)]) });
    await page.locator(".row-user .msg-picture img").waitFor();
    await page.locator(".row-bot .msg-text", { hasText: "ได้รับรูปภาพ" }).waitFor();
  });

  test("a datetimepicker button opens a date-time input and sends postback params", async () => {
    const user = makeUserId("sim:resident");
    const bubble = {
      type: "bubble",
      body: { type: "box", layout: "vertical", contents: [{ type: "button", style: "primary", action: { type: "datetimepicker", label: "เลือกวันประชุม", data: "a=topic.menu", mode: "datetime" } }] },
    };
    const push = await fetch(`${h.line.url}/v2/bot/message/push`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ to: user, messages: [{ type: "flex", altText: "เลือกวัน", contents: bubble }] }),
    });
    assert.equal(push.status, 200);
    await page.getByRole("button", { name: "เลือกวันประชุม" }).click();
    assert.equal(await page.getAttribute("[data-testid=datetime-input]", "type"), "datetime-local");
    await page.fill("[data-testid=datetime-input]", "2025-12-09T09:30");
    await page.click("#datetime-dialog button.primary");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=flex-carousel]").length >= 2);
    const events = await InboxEvent.find({ type: "postback" });
    const payloads = events.map((e) => JSON.parse(openPayload(e, h.bot.deps.sealer)) as { source: { userId: string }; postback: { params?: Record<string, string> } });
    const picked = payloads.find((p) => p.source.userId === user && p.postback.params);
    assert.deepEqual(picked?.postback?.params, { datetime: "2025-12-09T09:30" });
  });

  test("the rich menu shows under the chat and its areas are taps", async () => {
    const installed = await installDevRichMenu(ROOT, h.line.url, TEST_ACCESS_TOKEN);
    assert.match(installed, /^rich menu: richmenu-/, installed);
    await page.reload();
    const menu = page.locator("[data-testid=richmenu]");
    await menu.waitFor();
    const carousels = await page.locator("[data-testid=flex-carousel]").count();
    await menu.locator(".richmenu-area").first().click();
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=flex-carousel]").length > n, carousels);
  });

  // Issue 17: chats are kept across restarts (integration/simulator-store.test.ts); this
  // menu item starts afresh. Last, because it empties every chat.
  test("the ⋮ menu's clear item, once confirmed, empties the chats", async () => {
    assert.ok((await page.locator(".row-bot").count()) > 0, "there is a chat to clear");
    page.once("dialog", (d) => void d.accept());
    await page.click("#menu-button");
    await Promise.all([page.waitForEvent("load"), page.click("[data-testid=clear-chats]")]);
    await page.waitForSelector("#user-select option", { state: "attached" });
    assert.equal(await page.locator(".row-bot").count(), 0);
    assert.ok(h.line.deliveries.length > 0, "the emulator's record (and the bot's data) stay");
  });
});
