import type { Principal } from "../auth/principal";
import { html, type HtmlValue, type SafeHtml } from "./html";

// The page frame: Thai, phone-friendly, works without script (dashboard.js adds
// charts and Thai form messages). Navigation depends on role.
export type NavKey = "complaints" | "queue" | "meetings" | "announcements" | "headmen" | "progress" | "ita" | "audit" | "accounts" | "account";

export interface Flash {
  kind: "ok" | "error";
  text: string;
}

export interface LayoutData {
  title: string;
  principal?: Principal;
  csrfToken?: string;
  active?: NavKey;
  flash?: Flash;
  body: HtmlValue;
  /** The page draws charts from its tables (loads Chart.js). */
  charts?: boolean;
}

const NAV: { key: NavKey; href: string; label: string; roles: Principal["role"][] }[] = [
  { key: "complaints", href: "/officer/complaints", label: "เรื่องร้องเรียน", roles: ["admin", "officer"] },
  { key: "queue", href: "/officer/queue", label: "คิวตามกำหนดเวลา", roles: ["admin", "officer"] },
  { key: "meetings", href: "/officer/meetings", label: "การประชุม", roles: ["admin", "officer"] },
  { key: "announcements", href: "/officer/announcements", label: "ประกาศ", roles: ["admin", "officer"] },
  { key: "headmen", href: "/officer/headmen", label: "ผู้ใหญ่บ้าน", roles: ["admin", "officer"] },
  { key: "progress", href: "/officer/progress", label: "ความคืบหน้า", roles: ["admin", "officer", "viewer"] },
  { key: "ita", href: "/officer/ita", label: "หลักฐาน ITA", roles: ["admin", "officer"] },
  { key: "audit", href: "/officer/audit", label: "บันทึกการตรวจสอบ", roles: ["admin"] },
  { key: "accounts", href: "/officer/accounts", label: "บัญชีผู้ใช้", roles: ["admin"] },
];

export const ROLE_LABELS: Record<Principal["role"], string> = { admin: "ผู้ดูแลระบบ", officer: "เจ้าหน้าที่อำเภอ", viewer: "ผู้ดูสถิติ" };

export function flashView(flash: Flash | undefined): SafeHtml {
  return html`${flash ? html`<div class="flash ${flash.kind}" role="${flash.kind === "error" ? "alert" : "status"}">${flash.text}</div>` : ""}`;
}

export function csrfField(token: string | undefined): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token ?? ""}">`;
}

export function layoutView(d: LayoutData): SafeHtml {
  const p = d.principal;
  const nav = p
    ? html`<nav class="main" aria-label="เมนูหลัก"><ul>${NAV.filter((n) => n.roles.includes(p.role)).map(
        (n) => html`<li><a href="${n.href}"${n.key === d.active ? html` aria-current="page"` : ""}>${n.label}</a></li>`,
      )}</ul></nav>
      <div class="who"><span>${p.displayName} <span class="muted-on-dark">(${ROLE_LABELS[p.role]})</span></span>
        <a href="/officer/account"${d.active === "account" ? html` aria-current="page"` : ""}>บัญชีของฉัน</a>
        <form method="post" action="/officer/logout">${csrfField(d.csrfToken)}<button type="submit" class="secondary">ออกจากระบบ</button></form></div>`
    : "";
  return html`<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title} · สุจริต</title>
<link rel="stylesheet" href="/officer/static/dashboard.css">
<link rel="icon" href="data:,">
${d.charts ? html`<script src="/officer/static/chart.umd.min.js" defer></script>
` : ""}<script src="/officer/static/dashboard.js" defer></script>
</head>
<body>
<a class="skip" href="#main">ข้ามไปยังเนื้อหา</a>
<header class="top"><a class="brand" href="/officer">สุจริต · เจ้าหน้าที่</a>${nav}</header>
<main id="main" class="container">
<h1>${d.title}</h1>
${flashView(d.flash)}
${d.body}
</main>
</body>
</html>`;
}
