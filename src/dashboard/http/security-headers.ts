import type { RequestHandler } from "express";
import helmet from "helmet";

// Headers for every dashboard and API answer, from helmet (kept current as browsers
// change) configured to our strict policy. Scripts come only from our own origin
// (dashboard.js and Chart.js served from node_modules; no inline script, no CDN);
// styles from our own stylesheet only, and no site may frame the dashboard
// (clickjacking; CSP frame-ancestors plus the older X-Frame-Options).
// Pages hold personal data: never cached.
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The same policy as one header value, for pages that widen it (the announcement preview also shows blob: images). */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(" ")}`)
  .join("; ");

const helmetHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  xFrameOptions: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
  crossOriginOpenerPolicy: { policy: "same-origin" },
  crossOriginResourcePolicy: { policy: "same-origin" },
  strictTransportSecurity: false,
});
// Over TLS only: a browser that saw HTTPS keeps using it (RFC 6797).
const hsts = helmet.strictTransportSecurity({ maxAge: 31536000, includeSubDomains: false });

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.set({ "Permissions-Policy": "camera=(), microphone=(), geolocation=()", "Cache-Control": "no-store" });
  helmetHeaders(req, res, (err?: unknown) => (err || !req.secure ? next(err) : hsts(req, res, next)));
};
