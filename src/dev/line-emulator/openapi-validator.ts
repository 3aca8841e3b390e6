import { existsSync } from "node:fs";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { defaultLineOpenApiDir, LineSchemas } from "./openapi-loader";

// Validates bodies against LINE's official OpenAPI spec (discriminators made effective by
// openapi-transform.ts) and reports errors the way LINE does: {property, message}.
export { defaultLineOpenApiDir, LineSchemas };

export interface SchemaViolation {
  property: string;
  message: string;
}

const cache = new Map<string, LineSchemas | null>();

/** Loads and compiles the spec once per folder; null when the spec is not checked out here. */
export function loadLineSchemas(specDir: string | undefined = defaultLineOpenApiDir()): LineSchemas | null {
  if (!specDir) return null;
  const dir = path.resolve(specDir);
  if (!cache.has(dir)) {
    const present = existsSync(path.join(dir, "messaging-api.yml")) && existsSync(path.join(dir, "webhook.yml"));
    cache.set(dir, present ? new LineSchemas(dir) : null);
  }
  return cache.get(dir) ?? null;
}

/** "/messages/0/contents/body" -> "messages[0].contents.body", the way LINE reports `property`. */
function toProperty(instancePath: string, extra?: string): string {
  const parts = instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");
}

function describe(e: ErrorObject): SchemaViolation {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === "required") return { property: toProperty(e.instancePath, String(p.missingProperty)), message: "must be specified" };
  if (e.keyword === "enum") {
    const allowed = (p.allowedValues as unknown[]).map(String).join(", ");
    return { property: toProperty(e.instancePath), message: `must be one of: ${allowed}` };
  }
  return { property: toProperty(e.instancePath), message: e.message ?? e.keyword };
}

function runValidator(validate: ValidateFunction | undefined, name: string, body: unknown): SchemaViolation[] {
  if (!validate) throw new Error(`LINE OpenAPI spec has no schema named ${name}`);
  if (validate(body)) return [];
  const seen = new Set<string>();
  const out: SchemaViolation[] = [];
  // "if" errors only say "must match then schema"; the real cause is reported separately.
  for (const e of validate.errors ?? []) {
    if (e.keyword === "if") continue;
    const v = describe(e);
    const key = `${v.property}\u0000${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** Structured errors ({property, message}) for a named messaging-api.yml schema. */
export function findLineRequestViolations(schemas: LineSchemas, schemaName: string, body: unknown): SchemaViolation[] {
  return runValidator(schemas.messaging.getSchema(`line#/components/schemas/${schemaName}`), schemaName, body);
}

export function formatViolation(v: SchemaViolation): string {
  return v.property ? `${v.property}: ${v.message}` : v.message;
}

/** Errors for a request body against a messaging-api.yml schema, e.g. "PushMessageRequest" or "FlexMessage"; [] = valid. */
export function validateLineRequest(schemas: LineSchemas, schemaName: string, body: unknown): string[] {
  return findLineRequestViolations(schemas, schemaName, body).map(formatViolation);
}

/** Errors for a webhook body ({destination, events}) against webhook.yml CallbackRequest; [] = valid. */
export function validateWebhookPayload(schemas: LineSchemas, body: unknown): string[] {
  const validate = schemas.webhook.getSchema("line#/components/schemas/CallbackRequest");
  return runValidator(validate, "CallbackRequest", body).map(formatViolation);
}
