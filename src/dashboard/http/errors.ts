import type { ErrorRequestHandler } from "express";
import { DomainError } from "../../errors";
import type { Logger } from "../../logger";
import { html } from "../views/html";
import { layoutView } from "../views/layout.view";

// Domain errors become HTTP answers here, once for pages and once for the API.
const STATUS: Record<string, number> = { not_found: 404, validation: 400, conflict: 409, forbidden: 403, rate_limited: 429 };

export function statusOf(err: unknown): number {
  if (err instanceof DomainError) return STATUS[err.code] ?? 400;
  return clientErrorStatus(err) ?? 500;
}

/**
 * The 4xx of a request the client got wrong, as body-parser (raw-body, http-errors)
 * marks it: too large (413), too many fields (413), an unsupported encoding or
 * charset (415: gzip on plain bytes is 400), a body that does not parse (400).
 * Undefined for anything else: that is the server's fault.
 */
export function clientErrorStatus(err: unknown): number | undefined {
  const e = err as { type?: unknown; status?: unknown; statusCode?: unknown; expose?: unknown } | null;
  if (!e || typeof e !== "object") return undefined;
  const status = typeof e.status === "number" ? e.status : typeof e.statusCode === "number" ? e.statusCode : undefined;
  if (typeof e.type === "string" && status !== undefined && status >= 400 && status < 500) return status;
  if (e.type === "request.aborted" || e.type === "entity.parse.failed") return 400;
  if (e.expose === true && status !== undefined && status >= 400 && status < 500) return status;
  // zlib: a body marked gzip/deflate/br that is not.
  if ((err as { code?: unknown }).code === "Z_DATA_ERROR" || (err as { code?: unknown }).code === "Z_BUF_ERROR") return 400;
  return undefined;
}

const PAGE_TITLES: Record<number, string> = { 400: "ข้อมูลไม่ถูกต้อง", 403: "ไม่มีสิทธิ์", 404: "ไม่พบหน้าที่ต้องการ", 409: "ข้อมูลซ้ำหรือขัดแย้ง", 413: "ข้อมูลใหญ่เกินไป", 415: "รูปแบบข้อมูลไม่รองรับ", 429: "ลองใหม่ภายหลัง", 500: "เกิดข้อผิดพลาด" };

export function pageErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = statusOf(err);
    if (status === 500) logger.error("dashboard error", { err: err as Error });
    const text = err instanceof DomainError && err.userMessage ? err.userMessage : "ขออภัย ไม่สามารถทำรายการนี้ได้ค่ะ";
    res
      .status(status)
      .type("html")
      .send(String(layoutView({ title: PAGE_TITLES[status] ?? "เกิดข้อผิดพลาด", body: html`<p>${text}</p><p><a href="/officer">กลับหน้าหลัก</a></p>` })));
  };
}

export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const status = statusOf(err);
    if (status === 500) logger.error("api error", { err: err as Error });
    const code = err instanceof DomainError ? err.code : status === 500 ? "internal" : "bad_request";
    const message = err instanceof DomainError ? err.userMessage ?? err.message : status === 500 ? "internal error" : "bad request";
    res.status(status).json({ error: code, message });
  };
}

/** 404 page for /officer paths no route matched. */
export function notFoundPage(): string {
  return String(layoutView({ title: PAGE_TITLES[404]!, body: html`<p>ไม่พบหน้าที่ต้องการค่ะ</p><p><a href="/officer">กลับหน้าหลัก</a></p>` }));
}
