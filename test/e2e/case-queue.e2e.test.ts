import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { makeUserId } from "../../src/dev/line-emulator";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_PASSWORD, baseUrlOf, makeOfficer } from "../integration/dashboard-client";
import { fileCase, tickOn } from "../integration/case-clock/deadline-fixtures";
import { bkk, settableClock } from "../integration/reminder-fixtures";

// The queue by time left in headless Chromium, on a phone (390 px) and a desktop
// (1280 px). Screenshots go to test-artifacts/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}`;

const clock = settableClock(bkk("2026-12-04T10:00:00"));
let h: Harness;
let browser: Browser;
let page: Page;
let base: string;
const errors: string[] = [];

describe("the case queue in a browser", { skip }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness("queue-e2e", { now: clock.now });
    base = baseUrlOf(h.webhookUrl);
    await makeOfficer("e2e-queue", "officer", ["4001", "4002"]);
    const filed: [string, string, string][] = [
      ["2026-11-26T10:00:00", "4001", "400101"],
      ["2026-12-01T10:00:00", "4001", "400102"],
      ["2026-11-30T10:00:00", "4002", "400201"],
      ["2026-12-03T15:00:00", "4001", "400103"],
      ["2026-12-04T09:00:00", "4002", "400202"],
    ];
    for (const [i, [at, districtCode, tambonCode]] of filed.entries()) {
      clock.set(bkk(at));
      await fileCase(h.bot.deps, makeUserId(`e2e-q-${i}`), { districtCode, tambonCode });
    }
    clock.set(bkk("2026-12-04T10:00:00"));
    await tickOn(h.bot, "e2e", clock.now());
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    page = await (await browser.newContext({ locale: "th-TH", viewport: { width: 1280, height: 900 } })).newPage();
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  test("log in and open the queue from the menu: most urgent first, with counts per district", async () => {
    await page.goto(`${base}/officer/login`);
    await page.getByLabel("ชื่อผู้ใช้").fill("e2e-queue");
    await page.getByLabel("รหัสผ่าน").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await page.waitForURL(/\/officer\/complaints$/);
    await page.getByRole("link", { name: "คิวตามกำหนดเวลา" }).click();
    await page.waitForURL(/\/officer\/queue$/);
    assert.equal(await page.locator("table.queue tbody tr").count(), 5);
    assert.equal(await page.locator("table.queue tbody tr").first().locator(".badge.clock").textContent(), "เกินกำหนด");
    assert.equal(await page.locator("[data-count=overdue]").textContent(), "2");
    assert.equal(await page.locator("[data-count=due-today]").textContent(), "1");
    await page.screenshot({ path: path.join(ARTIFACTS, "queue-1280.png"), fullPage: true });
  });

  test("on a phone the queue fits the screen width", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/officer/queue`);
    const overflow = await page.evaluate(() => {
      const el = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return el.scrollWidth - el.clientWidth;
    });
    assert.ok(overflow <= 1, `the page scrolls sideways on a phone by ${overflow}px`);
    await page.screenshot({ path: path.join(ARTIFACTS, "queue-390.png"), fullPage: true });
    assert.deepEqual(errors, []);
  });
});
