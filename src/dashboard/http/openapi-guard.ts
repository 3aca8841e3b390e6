import Ajv, { type ValidateFunction } from "ajv";
import type { RequestHandler } from "express";

// Holds /api requests to its own OpenAPI document (openapi.ts), so the document
// and the server cannot drift apart: query parameters are checked against their
// schemas (400 when they break them, as schemathesis's full check set expects),
// and a documented path asked with an undocumented method answers 405 with Allow.
type Doc = { paths: Record<string, Record<string, { parameters?: Param[] }>> };
interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

const METHODS = ["get", "post", "put", "patch", "delete", "head", "options"];

interface Route {
  re: RegExp;
  methods: Map<string, { name: string; required: boolean; type: unknown; check: ValidateFunction }[]>;
}

function compile(doc: Doc): Route[] {
  const ajv = new Ajv({ strict: false, allErrors: false });
  // A real calendar day (RFC 3339 full-date), as the documents' "date" format says.
  ajv.addFormat("date", (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(0);
    d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])); // years 0–99 too (Date.UTC would read 1900–1999)
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  });
  return Object.entries(doc.paths).map(([path, ops]) => {
    const re = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}/?$`);
    const methods = new Map<string, { name: string; required: boolean; type: unknown; check: ValidateFunction }[]>();
    for (const [method, op] of Object.entries(ops)) {
      if (!METHODS.includes(method)) continue;
      const query = (op.parameters ?? []).filter((p) => p.in === "query");
      methods.set(
        method.toUpperCase(),
        query.map((p) => ({ name: p.name, required: p.required === true, type: p.schema?.type, check: ajv.compile(p.schema ?? {}) })),
      );
    }
    return { re, methods };
  });
}

/** The query value as its schema's type: "3" → 3 for integers, one value only (a repeated parameter is refused). */
function coerce(value: unknown, type: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string") return { ok: false };
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(value) ? { ok: true, value: Number(value) } : { ok: false };
  if (type === "boolean") return value === "true" || value === "false" ? { ok: true, value: value === "true" } : { ok: false };
  return { ok: true, value };
}

export function openApiGuard(doc: Record<string, unknown>): RequestHandler {
  const routes = compile(doc as Doc);
  return (req, res, next) => {
    const route = routes.find((r) => r.re.test(req.path));
    if (!route) return next();
    const method = req.method === "HEAD" ? "GET" : req.method;
    const params = route.methods.get(method);
    if (!params) {
      const allow = [...route.methods.keys()].join(", ");
      return void res.status(405).set("Allow", allow).json({ error: "method_not_allowed", message: `allowed: ${allow}` });
    }
    const query = req.query as Record<string, unknown>;
    for (const p of params) {
      const raw = query[p.name];
      if (raw === undefined) {
        if (p.required) return void res.status(400).json({ error: "validation", message: `query ${p.name} is required` });
        continue;
      }
      const v = coerce(raw, p.type);
      if (!v.ok || !p.check(v.value)) return void res.status(400).json({ error: "validation", message: `query ${p.name} is not valid` });
    }
    next();
  };
}
