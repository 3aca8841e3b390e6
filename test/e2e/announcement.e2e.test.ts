import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { getDistrict } from "../../src/content/areas/areas";
import { Announcement } from "../../src/models/announcement.model";
import { startHarness, type Harness } from "../helpers/harness";
import { PNG_1PX, TEST_PASSWORD, baseUrlOf, makeOfficer } from "../integration/dashboard-client";
import { IN_MUEANG_5, seedMembers } from "../integration/reminder-fixtures";

// An announcement in headless Chromium: an admin composes it (text, image, link button,
// two districts), watches the live preview drawn by the simulator's Flex renderer
// (screenshot at 390 px), asks to send; a second admin approves; LINE (the emulator)
// receives it once per recipient. Screenshots go to test-artifacts/.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve(__dirname, "..", "..", "test-artifacts");
const skip = existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}`;

let h: Harness;
let browser: Browser;
let base: string;
let people: string[] = [];
const problems: string[] = [];

async function loggedIn(username: string, width = 1200): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "th-TH", viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`${username}: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`${username}: ${e.message}`));
  await page.goto(`${base}/officer/login`);
  await page.getByLabel("ชื่อผู้ใช้").fill(username);
  await page.getByLabel("รหัสผ่าน").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await page.waitForURL(/\/officer\/(complaints|account)/);
  return { context, page };
}

describe("announcement in a browser", { skip }, () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startHarness("announce-e2e");
    base = baseUrlOf(h.webhookUrl);
    await makeOfficer("e2e-admin1", "admin");
    await makeOfficer("e2e-admin2", "admin");
    people = [...(await seedMembers("e2e-kk", 30, IN_MUEANG_5)), ...(await seedMembers("e2e-bp", 12, { districtCode: "4002", tambonCode: "400201", villageNo: 3 }))];
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"] });
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  test("compose with a live preview, ask for approval, a second admin approves, LINE gets it once per person", async () => {
    const { context, page } = await loggedIn("e2e-admin1", 390);
    await page.goto(`${base}/officer/announcements/new`);
    await page.getByLabel("หัวข้อ").fill("ระวังมิจฉาชีพแอบอ้างชื่อจังหวัด");
    await page.getByLabel("ข้อความ (ไม่เกิน 5,000 ตัวอักษร)").fill("มีผู้แอบอ้างเป็นเจ้าหน้าที่จังหวัดขอนแก่นโทรศัพท์เรียกเก็บเงินค่าธรรมเนียม ขอให้ท่านอย่าโอนเงินให้ผู้ใด และแจ้งเรื่องผ่านสุจริตได้ทันที");
    await page.locator("#image").setInputFiles({ name: "banner.png", mimeType: "image/png", buffer: PNG_1PX });
    await page.getByLabel("เปิดลิงก์").check();
    await page.getByLabel("ข้อความบนปุ่ม (ไม่เกิน 40 ตัวอักษร)").fill("อ่านประกาศฉบับเต็ม");
    await page.getByLabel("ลิงก์ (ขึ้นต้นด้วย https://)").fill("https://www.khonkaen.go.th/");
    await page.locator("summary", { hasText: "อำเภอ" }).click();
    await page.getByLabel(`อ.${getDistrict("4001")!.nameTh}`, { exact: true }).check();
    await page.getByLabel(`อ.${getDistrict("4002")!.nameTh}`, { exact: true }).check();
    const preview = page.locator("#preview");
    await preview.getByText("อ่านประกาศฉบับเต็ม").waitFor();
    await preview.getByText("ประกาศจาก ศาลากลางจังหวัดขอนแก่น").waitFor();
    await page.locator("#audience-size", { hasText: "42 คน ใน 2 อำเภอ" }).waitFor();
    assert.match((await page.locator("#audience-size").textContent())!, /ต้องให้ผู้ดูแลระบบอีกคนอนุมัติ/);
    assert.match((await preview.locator("img").first().getAttribute("src"))!, /^blob:/, "the chosen image shows before upload");
    await preview.scrollIntoViewIfNeeded();
    await preview.screenshot({ path: path.join(ARTIFACTS, "announcement-preview-390.png") });
    const box = (await preview.boundingBox())!;
    assert.ok(box.width <= 390, `preview fits a 390 px phone (${box.width})`);
    await page.getByRole("button", { name: "ส่งทันที" }).click();
    await page.getByText("ส่งคำขออนุมัติแล้วค่ะ").waitFor();
    assert.equal(await page.locator("#state").textContent(), "รออนุมัติ");
    assert.equal(await page.getByRole("button", { name: "อนุมัติและส่ง" }).count(), 0, "the author cannot approve");
    const id = page.url().split("/").pop()!.split("?")[0]!;
    assert.equal(h.line.deliveries.length, 0);
    await context.close();

    const second = await loggedIn("e2e-admin2");
    await second.page.goto(`${base}/officer/announcements/${id}`);
    await second.page.locator("#preview").getByText("อ่านประกาศฉบับเต็ม").waitFor();
    await second.page.getByRole("button", { name: "อนุมัติและส่ง" }).click();
    await second.page.getByText("อนุมัติประกาศแล้วค่ะ").waitFor();
    await h.line.waitFor(() => new Set(h.line.deliveries.map((d) => d.to)).size === people.length, 10_000);
    for (let i = 0; i < 50 && (await Announcement.findById(id))!.state !== "sent"; i++) await new Promise((r) => setTimeout(r, 100));
    await second.page.reload();
    assert.equal(await second.page.locator("#state").textContent(), "ส่งแล้ว");
    assert.equal(await second.page.locator("#planned").textContent(), "42");
    await second.page.screenshot({ path: path.join(ARTIFACTS, "announcement-sent.png"), fullPage: true });
    const counts = new Map<string, number>();
    for (const d of h.line.deliveries) counts.set(d.to, (counts.get(d.to) ?? 0) + 1);
    assert.ok(people.every((u) => counts.get(u) === 1), "each person once");
    const sent = JSON.stringify(h.line.deliveries[0]!.messages);
    assert.match(sent, /\/media\/announcements\/[0-9a-f]{32}/, "the uploaded image is in the message");
    assert.deepEqual(problems, [], "no script errors or CSP violations");
    await second.context.close();
  });
});
