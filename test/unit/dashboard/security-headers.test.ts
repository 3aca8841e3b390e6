import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { describe, test } from "node:test";
import express from "express";
import { securityHeaders } from "../../../src/dashboard/http/security-headers";

// The dashboard's strict headers, as helmet sets them: the whole CSP, framing,
// sniffing, referrer, isolation, caching, and HSTS only over TLS.
const STRICT_CSP = "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";

async function headersOf(secure: boolean): Promise<Headers> {
  const app = express();
  app.set("trust proxy", true);
  app.use(securityHeaders);
  app.get("/", (_req, res) => void res.send("ok"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: secure ? { "x-forwarded-proto": "https" } : {} });
    return res.headers;
  } finally {
    server.close();
  }
}

describe("security headers", () => {
  test("the strict policy on every answer", async () => {
    const h = await headersOf(false);
    assert.equal(h.get("content-security-policy")!.replace(/; /g, ";"), STRICT_CSP);
    assert.equal(h.get("x-frame-options"), "DENY");
    assert.equal(h.get("x-content-type-options"), "nosniff");
    assert.equal(h.get("referrer-policy"), "no-referrer");
    assert.equal(h.get("cross-origin-opener-policy"), "same-origin");
    assert.equal(h.get("cross-origin-resource-policy"), "same-origin");
    assert.equal(h.get("permissions-policy"), "camera=(), microphone=(), geolocation=()");
    assert.equal(h.get("cache-control"), "no-store");
    assert.equal(h.get("strict-transport-security"), null);
  });

  test("HSTS over TLS only", async () => {
    assert.equal((await headersOf(true)).get("strict-transport-security"), "max-age=31536000");
  });
});
