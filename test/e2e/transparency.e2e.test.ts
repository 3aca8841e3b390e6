import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import { Pledge } from "../../src/models/pledge.model";
import { makeUserId } from "../../src/dev/line-emulator";
import { startHarness, type Harness } from "../helpers/harness";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer, seedComplaint } from "../integration/dashboard-client";

// The public transparency page at 390 and 1280 px, and the printable ITA pack as
// printed (A4 print media), in headless Chromium. Screenshots go to test-artifacts/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (CI does) to run the browser test`;

let h: Harness;
let browser: Browser;
let base: string;

async function context(width: number): Promise<BrowserContext> {
  return browser.newContext({ locale: "th-TH", viewport: { width, height: 900 } });
}

describe("transparency and ITA pack in a browser", { skip }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness("transparency-e2e");
    base = baseUrlOf(h.webhookUrl);
    await Pledge.collection.insertMany([...Array(12)].map((_, i) => ({ _id: `y:m:${i}`, campaignYear: 0, districtCode: i < 9 ? "4001" : "4002", tambonCode: "400101", villageNo: 1, status: "active", source: "line", monthKey: "x" })) as never[]);
    for (let i = 0; i < 7; i++) await seedComplaint(h.bot.deps, { lineUserId: makeUserId(`tr-e2e-${i}`), districtCode: i < 6 ? "4001" : "4005", anonymous: true, what: "เรียกรับเงินค่าอนุมัติ" });
    await makeOfficer("tr-admin", "admin");
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  for (const width of [390, 1280]) {
    test(`/transparency at ${width} px: no sideways scrolling of the page, Thai, the small-count note`, async () => {
      const ctx = await context(width);
      const page = await ctx.newPage();
      const res = await page.goto(`${base}/transparency`);
      assert.equal(res?.status(), 200);
      // Runs in the page; typed structurally because the project has no DOM lib.
      const overflow = await page.evaluate(() => {
        const el = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return el.scrollWidth - el.clientWidth;
      });
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px (tables must scroll in their own box)`);
      assert.equal(await page.getAttribute("html", "lang"), "th");
      assert.match(await page.textContent("main") ?? "", /จำนวน 1–4 แสดงเป็น "<5"/);
      await page.screenshot({ path: path.join(ARTIFACTS, `transparency-${width}.png`), fullPage: true });
      await ctx.close();
    });
  }

  test("the printable ITA pack, as printed on A4", async () => {
    const client = new DashboardClient(base);
    await client.login("tr-admin", TEST_PASSWORD);
    const ctx = await context(794);
    await ctx.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: base })));
    const page = await ctx.newPage();
    const res = await page.goto(`${base}/officer/ita/pack?agency=4001`);
    assert.equal(res?.status(), 200);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("section.page").count(), 5, "cover and four sections, each on its own page");
    await page.screenshot({ path: path.join(ARTIFACTS, "ita-pack-print.png"), fullPage: true });
    await ctx.close();
  });
});
