import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import QRCode from "qrcode";
import { registerWithCode } from "../../src/services/headman.service";
import { makeUserId } from "../../src/dev/line-emulator";
import { oaMessageUrl, registrationText } from "../../src/dashboard/views/headman-invite.view";
import { startHarness, type Harness } from "../helpers/harness";
import { DashboardClient, TEST_PASSWORD, baseUrlOf, makeOfficer } from "./dashboard-client";

// Issue 17: the page that issues a headman code says what the headman types
// ("ลงทะเบียนผู้ใหญ่บ้าน 6MT7-C7P4"), with a copy button and a QR code that opens the chat
// with that text. The QR is inline SVG; the copy button comes from dashboard.js (no inline script).
let h: Harness;
let kk: DashboardClient;
before(async () => {
  h = await startHarness("dash-invite", { env: { LINE_BASIC_ID: "@sujarit-kk" } });
  await makeOfficer("inv-kk", "officer", ["4001"]);
  kk = new DashboardClient(baseUrlOf(h.webhookUrl));
  await kk.login("inv-kk", TEST_PASSWORD);
});
after(async () => h.close());

describe("the headman code page", () => {
  test("shows the words to type, a copy button driven by the dashboard's own script (no inline script), and a QR of the chat link", async () => {
    await kk.get("/officer/headmen");
    const page = await kk.post("/officer/headmen/codes", { tambonCode: "400101", villageNo: "7", role: "headman" });
    assert.equal(page.status, 200);
    const code = /<strong>([A-Z0-9]{4}-[A-Z0-9]{4})<\/strong>/.exec(page.text)![1]!;
    const text = `ลงทะเบียนผู้ใหญ่บ้าน ${code}`;
    assert.match(page.text, new RegExp(`<span id="invite-text" data-testid="invite-text">${text}</span>`));
    assert.match(page.text, /<button type="button" id="copy-invite"[^>]*>คัดลอกข้อความ<\/button>/);

    assert.doesNotMatch(page.text, /<script>/, "no inline script");
    assert.match(page.text, /<script src="\/officer\/static\/dashboard.js" defer><\/script>/);
    const csp = page.headers.get("content-security-policy")!;
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const js = await kk.get("/officer/static/dashboard.js");
    assert.match(js.text, /getElementById\("copy-invite"\)/, "the copy button's script is served from the dashboard's own origin");

    const url = `https://line.me/R/oaMessage/@sujarit-kk/?${encodeURIComponent(text)}`;
    assert.ok(page.text.includes(`href="${url}"`), "the link under the QR");
    // The QR drawn on the page is the one for that link (same library, same options).
    const expected = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, width: 240 });
    assert.ok(page.text.includes(expected), "the QR code encodes the chat link");

    // The words on the page register the headman, as typed.
    const reg = await registerWithCode(makeUserId("invite-headman"), text.split(" ")[1]!, new Date());
    assert.equal(reg.role, "headman");
  });

  test("the link follows LINE's oaMessage form and the text names the kamnan for a kamnan code", () => {
    assert.equal(oaMessageUrl("@123abcde", "ลงทะเบียนกำนัน AB12-CD34"), `https://line.me/R/oaMessage/@123abcde/?${encodeURIComponent("ลงทะเบียนกำนัน AB12-CD34")}`);
    assert.equal(registrationText({ role: "kamnan", code: "AB12-CD34" }), "ลงทะเบียนกำนัน AB12-CD34");
  });
});
