import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { makeUserId } from "../../src/dev/line-emulator";
import { createMeeting } from "../../src/services/meeting.service";
import { createOfficer } from "../../src/services/officer.service";
import { startHarness, type Harness } from "../helpers/harness";
import { TEST_PASSWORD, baseUrlOf, seedComplaint } from "../integration/dashboard-client";
import { NAME_SHIM, pageLayoutProblems } from "./layout-checks";

// Every officer page at 390 px (a phone) and 1280 px (a laptop), as an admin who sees
// them all: each is saved to test-artifacts/dashboard/, and each must not scroll
// sideways or cut text off, must be Thai (Latin-only words only from a short allow
// list, codes and identifiers set apart as .mono), say ท่าน (never the pronoun คุณ),
// carry lang="th", and fit its navigation on one row at 1280 px.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts", "dashboard");
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}`;

/** Latin words officers may read (issue 20): programme names, formats, and LINE itself. */
// Names officers know as they are: the assessment (ITA, OIT), file formats, the open-data licence code.
export const LATIN_ALLOWED = new Set(["ITA", "OIT", "LINE", "CSV", "JSON", "PDF", "JPEG", "PNG", "XLSX", "Excel", "OpenAPI", "CC", "BY", "No", "Gift", "Policy", "QR"]);
const OTHER_PRONOUN = /(?<!บ)คุณ(?!ธรรม|ภาพ|สมบัติ|ค่า|ประโยชน์)/;

let h: Harness;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
const pages: { name: string; path: string }[] = [];
const loginProblems: string[] = [];

async function thaiProblems(p: Page): Promise<string[]> {
  return p.evaluate((allowed: string[]) => {
    const doc = (globalThis as any).document;
    const out: string[] = [];
    // A word of Latin letters that is not on the list; codes (KK-7F3-Q9M-2XA, UTF-8) have digits or are upper-case with dashes.
    const latinOnly = (w: string) => {
      const word = w.replace(/[.:]+$/, "");
      if (/\d[a-z]/.test(word)) return true; // a unit in Latin letters: "2h", "3d@08:00"
      return /[A-Za-z]/.test(word) && !/\d/.test(word) && !/^[A-Z]+(-[A-Z]+)+$/.test(word) && !allowed.includes(word);
    };
    if (doc.documentElement.lang !== "th") out.push(`<html lang="${doc.documentElement.lang}">`);
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(".mono, script, style, noscript, [hidden]") || !el.getClientRects().length) continue;
      for (const word of (n.data as string).match(/[A-Za-z0-9][A-Za-z0-9_.:'-]*/g) ?? []) {
        if (latinOnly(word)) out.push(`Latin word "${word}" in "${(n.data as string).trim().slice(0, 60)}"`);
      }
    }
    for (const el of doc.querySelectorAll("[placeholder], [title], [aria-label], img[alt]")) {
      for (const attr of ["placeholder", "title", "aria-label", "alt"]) {
        const v = el.getAttribute(attr) ?? "";
        if (el.classList.contains("mono")) continue;
        for (const word of v.match(/[A-Za-z0-9][A-Za-z0-9_.:'-]*/g) ?? []) if (latinOnly(word)) out.push(`Latin word "${word}" in ${attr}="${v}"`);
      }
    }
    return [...new Set(out)];
  }, [...LATIN_ALLOWED]);
}

async function visit(name: string, url: string): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${base}${url}`);
    await page.evaluate(() => (globalThis as any).document.fonts.ready);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
    for (const p of await pageLayoutProblems(page)) problems.push(`${width}px: ${p}`);
    for (const p of await thaiProblems(page)) problems.push(`${width}px: ${p}`);
    const text = (await page.locator("body").innerText()).replace(/คุณ(?=ธรรม)/g, "");
    if (OTHER_PRONOUN.test(text)) problems.push(`${width}px: says คุณ`);
    if (width === 1280 && (await page.locator("nav.main").count())) {
      const rows = await page.locator("nav.main li").evaluateAll((lis: any[]) => new Set(lis.map((li) => Math.round(li.getBoundingClientRect().top))).size);
      if (rows > 1) problems.push(`1280px: the navigation takes ${rows} rows`);
    }
  }
  return problems;
}

describe("every dashboard page at 390 and 1280 px", { skip }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness("dash-pages-e2e");
    base = baseUrlOf(h.webhookUrl);
    await createOfficer({ username: "admin-e2e", role: "admin", districts: [], password: TEST_PASSWORD, displayName: "สมชาย ผู้ดูแล" });
    const reporter = makeUserId("pages-reporter");
    const first = await seedComplaint(h.bot.deps, { lineUserId: reporter, districtCode: "4001", anonymous: false, contact: { name: "สมศรี มีสุข", phone: "0812345678" }, what: "มีการเรียกรับเงินค่าอนุมัติใบอนุญาตก่อสร้างอาคารพาณิชย์ในเขตเทศบาล โดยไม่ออกใบเสร็จ", photo: true });
    await seedComplaint(h.bot.deps, { lineUserId: makeUserId("pages-other"), districtCode: "4005", anonymous: true, what: "ผู้รับเหมาก่อสร้างถนนในหมู่บ้านใช้วัสดุไม่ตรงตามสัญญา" });
    pages.push({ name: "complaint-detail", path: `/officer/complaints/${first.id}` });
    const meeting = await createMeeting(
      { scope: "district", districtCode: "4001", place: "ห้องประชุมที่ว่าการอำเภอเมืองขอนแก่น", recurrence: { kind: "monthly-day", day: 5, time: "09:30" } },
      { timezone: h.bot.deps.config.timezone, reminderOffsets: "3d@08:00,1d@08:00,2h" },
      h.bot.deps.now(),
    );
    pages.push({ name: "meeting-detail", path: `/officer/meetings/${String(meeting._id)}` }, { name: "meeting-edit", path: `/officer/meetings/${String(meeting._id)}/edit` });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
    context = await browser.newContext({ locale: "th-TH", viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript(NAME_SHIM);
    page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${base}/officer/login`);
      await page.screenshot({ path: path.join(ARTIFACTS, `login-${width}.png`), fullPage: true });
      loginProblems.push(...(await pageLayoutProblems(page)).map((p) => `${width}px: ${p}`), ...(await thaiProblems(page)).map((p) => `${width}px: ${p}`));
    }
    await page.getByLabel("ชื่อผู้ใช้").fill("admin-e2e");
    await page.getByLabel("รหัสผ่าน").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await page.waitForURL(/\/officer\/complaints$/);
    // A message to the reporter, so the thread shows a delivery line.
    await page.goto(`${base}/officer/complaints/${first.id}`);
    await page.getByLabel(/ส่งข้อความถึงผู้แจ้ง/).fill("ขอทราบชื่อโครงการค่ะ");
    await page.getByRole("button", { name: /ส่งข้อความ/ }).first().click();
    await page.waitForLoadState();
    await h.settle();
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  const fixed = [
    { name: "complaints", path: "/officer/complaints" },
    { name: "meetings", path: "/officer/meetings" },
    { name: "meeting-new", path: "/officer/meetings/new" },
    { name: "imports", path: "/officer/imports" },
    { name: "headmen", path: "/officer/headmen" },
    { name: "progress", path: "/officer/progress" },
    { name: "audit", path: "/officer/audit" },
    { name: "accounts", path: "/officer/accounts" },
    { name: "account", path: "/officer/account" },
    { name: "queue", path: "/officer/queue" },
    { name: "officer-line", path: "/officer/line" },
    { name: "holidays", path: "/officer/holidays" },
    { name: "announcements", path: "/officer/announcements" },
    { name: "announcement-new", path: "/officer/announcements/new" },
    { name: "ita", path: "/officer/ita" },
    { name: "ita-pack", path: "/officer/ita/pack?agency=4001" },
    { name: "transparency", path: "/transparency" },
  ];
  for (const p of fixed) {
    test(`${p.name} fits 390 and 1280 px and reads Thai`, async () => {
      assert.deepEqual(await visit(p.name, p.path), []);
    });
  }
  test("the progress charts come from Chart.js with integer ticks and full legends; without script the tables remain", async () => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/officer/progress`);
      const boxes = page.locator(".chart-box");
      await boxes.first().locator("canvas").waitFor();
      assert.equal(await boxes.count(), 2, "one chart for pledges, one for complaints");
      for (let i = 0; i < 2; i++) await boxes.nth(i).screenshot({ path: path.join(ARTIFACTS, `progress-chart-${i + 1}-${width}.png`) });
      const legends = await page.evaluate(() => {
        const charts = Object.values((globalThis as any).Chart.instances) as any[];
        return charts.map((c) => ({
          legend: c.legend.legendItems.map((l: any) => l.text),
          ticks: c.scales[c.options.indexAxis === "y" ? "x" : "y"].ticks.map((t: any) => t.value),
        }));
      });
      assert.deepEqual(legends.map((l) => l.legend), [["ผ่าน LINE", "ในที่ประชุม"], ["ได้รับเรื่องแล้ว", "กำลังตรวจสอบ", "ส่งต่อหน่วยงานที่รับผิดชอบ", "ดำเนินการเสร็จสิ้น", "ยุติเรื่อง"]]);
      for (const l of legends) assert.ok(l.ticks.every((v: number) => Number.isInteger(v)), `integer ticks: ${l.ticks}`);
    }
    assert.deepEqual(errors, [], "no script errors or CSP violations");
    const noScript = await browser.newContext({ javaScriptEnabled: false, locale: "th-TH", viewport: { width: 390, height: 844 }, storageState: await context.storageState() });
    const plain = await noScript.newPage();
    await plain.goto(`${base}/officer/progress`);
    assert.equal(await plain.locator("canvas").count(), 0);
    assert.equal(await plain.locator("#pledge-table tbody tr").count(), 26, "the table is there without script");
    await plain.screenshot({ path: path.join(ARTIFACTS, "progress-no-script-390.png"), fullPage: true });
    await noScript.close();
  });

  test("the meeting form shows only the chosen schedule's fields", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/officer/meetings/new`);
    await page.getByLabel("ครั้งเดียว", { exact: true }).check();
    assert.equal(await page.locator("#date").isVisible(), true);
    assert.equal(await page.locator("#day").isVisible(), false);
    assert.equal(await page.locator("#weekday").isVisible(), false);
    await page.getByLabel("ทุกเดือน ตามวันที่", { exact: true }).check();
    assert.equal(await page.locator("#date").isVisible(), false);
    assert.equal(await page.locator("#day").isVisible(), true);
    await page.getByLabel("ทุกเดือน ตามวันในสัปดาห์", { exact: true }).check();
    assert.equal(await page.locator("#weekday").isVisible(), true);
    assert.equal(await page.locator("#day").isVisible(), false);
    await page.screenshot({ path: path.join(ARTIFACTS, "meeting-new-weekday-390.png"), fullPage: true });
  });

  test("dates are typed the Thai way (day/month/BE year), not in the browser's own format", async () => {
    await page.goto(`${base}/officer/complaints`);
    assert.equal(await page.locator("input[type=date]").count(), 0);
    await page.goto(`${base}/officer/meetings/new`);
    assert.equal(await page.locator("input[type=date], input[type=time]").count(), 0, "no widget in the browser's own format");
    await page.goto(`${base}/officer/complaints`);
    await page.getByLabel("ตั้งแต่วันที่").fill("1/1/2500");
    await page.getByRole("button", { name: "ค้นหา" }).click();
    await page.waitForURL(/from=1%2F1%2F2500/);
    assert.equal(await page.getByLabel("ตั้งแต่วันที่").inputValue(), "1/1/2500", "read as 1 Jan 1957 and shown back in BE");
    assert.equal(await page.locator("table.stack tbody tr").count(), 2);
  });

  test("an empty required field is explained in Thai", async () => {
    await page.goto(`${base}/officer/meetings/new`);
    await page.getByRole("button", { name: "สร้างการประชุม" }).click();
    const message = await page.locator("#place").evaluate((el: any) => el.validationMessage);
    assert.equal(message, "กรุณากรอกช่องนี้ค่ะ");
  });

  test("the login page fits 390 and 1280 px and reads Thai", () => {
    assert.deepEqual(loginProblems, []);
  });

  for (const name of ["complaint-detail", "meeting-detail", "meeting-edit"]) {
    test(`${name} fits 390 and 1280 px and reads Thai`, async () => {
      const p = pages.find((x) => x.name === name)!;
      assert.deepEqual(await visit(p.name, p.path), []);
    });
  }
});
