import type { RequestHandler } from "express";

// Headers for every dashboard and API answer. Scripts come only from our own
// origin (dashboard.js and Chart.js served from node_modules; no inline script,
// no CDN); styles come from our own stylesheet only, and no site
// may frame the dashboard (clickjacking; CSP frame-ancestors plus the older
// X-Frame-Options for old browsers). Pages hold personal data: never cached.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.set({
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",
  });
  // Over TLS only: a browser that saw HTTPS keeps using it (RFC 6797).
  if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000");
  next();
};
