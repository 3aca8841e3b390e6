import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { makeUserId } from "../../src/dev/line-emulator";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_PASSWORD, baseUrlOf, makeOfficer, seedComplaint } from "../integration/dashboard-client";

// The dashboard in headless Chromium (Debian's chromium + playwright-core): log in,
// filter, open a complaint, change its status (the push arrives at the LINE
// emulator), export CSV, view the progress chart. Screenshots go to test-artifacts/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (CI does) to run the browser test`;
if (skip) console.log(`# SKIP dashboard browser test: ${skip}`);

let h: Harness;
let browser: Browser;
let page: Page;
let base: string;
const reporter = makeUserId("e2e-reporter");
let code = "";
const consoleErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });
}

describe("officer dashboard in a browser", { skip }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness("dash-e2e");
    base = baseUrlOf(h.webhookUrl);
    await makeOfficer("e2e-kk", "officer", ["4001"]);
    code = (await seedComplaint(h.bot.deps, { lineUserId: reporter, districtCode: "4001", anonymous: true, what: "มีการเรียกรับเงินค่าอนุมัติใบอนุญาตก่อสร้าง <script>alert(1)</script>", photo: true })).trackingCode;
    await seedComplaint(h.bot.deps, { lineUserId: makeUserId("e2e-other"), districtCode: "4001", anonymous: true, what: "เรื่องที่สองสำหรับทดสอบตัวกรองสถานะ" });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ acceptDownloads: true, locale: "th-TH", viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("response", (r) => r.status() >= 400 && consoleErrors.push(`${r.status()} ${r.url()}`));
    page.on("dialog", (d) => {
      consoleErrors.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  test("log in", async () => {
    await page.goto(`${base}/officer/complaints`);
    assert.match(page.url(), /\/officer\/login\?next=/);
    await page.getByLabel("ชื่อผู้ใช้").fill("e2e-kk");
    await page.getByLabel("รหัสผ่าน").fill(TEST_PASSWORD);
    await shot("01-login");
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await page.waitForURL(/\/officer\/complaints$/);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "เรื่องร้องเรียน");
    await shot("02-list");
  });

  test("filter by status", async () => {
    await page.getByLabel("สถานะ", { exact: true }).selectOption("received");
    await page.getByRole("button", { name: "ค้นหา" }).click();
    await page.waitForURL(/status=received/);
    assert.equal(await page.locator("tbody tr").count(), 2);
    await shot("03-filtered");
  });

  test("open a complaint and change its status; the reporter gets a LINE push", async () => {
    await page.getByRole("link", { name: code }).click();
    await page.waitForURL(/\/officer\/complaints\/[0-9a-f]{24}$/);
    assert.match((await page.locator("main").textContent()) ?? "", /<script>alert\(1\)<\/script>/, "shown as text");
    // The photo is served from GridFS after the page; wait for it to decode rather than race it.
    await page.waitForFunction(() => {
      const img = (globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }).document.querySelector("img[alt='หลักฐานรูปที่ 1']");
      return img !== null && img.complete && img.naturalWidth > 0;
    }, undefined, { timeout: 15_000 });
    assert.equal(await page.locator("img[alt='หลักฐานรูปที่ 1']").evaluate((img: { naturalWidth: number }) => img.naturalWidth), 1);
    await shot("04-detail");
    await page.getByLabel("เปลี่ยนสถานะเป็น").selectOption("under_review");
    await page.getByLabel(/บันทึกถึงผู้แจ้ง/).fill("เจ้าหน้าที่กำลังตรวจสอบข้อเท็จจริงค่ะ");
    await page.getByRole("button", { name: "เปลี่ยนสถานะและแจ้งผู้แจ้ง" }).click();
    await page.getByText("เปลี่ยนสถานะและแจ้งผู้ร้องเรียนแล้วค่ะ").waitFor();
    await shot("05-status-changed");
    await h.settle();
    const pushed = JSON.stringify(h.line.messagesTo(reporter));
    assert.match(pushed, /เจ้าหน้าที่กำลังตรวจสอบข้อเท็จจริงค่ะ/);
  });

  test("export CSV", async () => {
    await page.goto(`${base}/officer/complaints`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "ส่งออก CSV" }).click()]);
    const file = path.join(ARTIFACTS, "dashboard-export.csv");
    await download.saveAs(file);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString("utf8"), new RegExp(code));
  });

  test("view the progress chart, also on a phone", async () => {
    await page.getByRole("link", { name: "ความคืบหน้า" }).click();
    await page.waitForURL(/\/officer\/progress/);
    // Chart.js draws the chart from the table beside it (26 districts), with no script errors under the CSP.
    const chart = page.locator(".chart-box canvas").first();
    await chart.waitFor();
    assert.equal(await chart.isVisible(), true);
    assert.equal(await page.locator("#pledge-table tbody tr").count(), 26);
    await shot("06-progress");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/officer/complaints`);
    // Runs in the page; typed structurally because the project has no DOM lib.
    const overflow = await page.evaluate(() => {
      const el = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return el.scrollWidth - el.clientWidth;
    });
    assert.ok(overflow <= 1, `the page scrolls sideways on a phone by ${overflow}px`);
    await shot("07-phone-list");
    assert.deepEqual(consoleErrors, [], "no CSP violations, script errors or dialogs");
  });
});
