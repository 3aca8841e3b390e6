import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { transformDiscriminators, type SchemaMap } from "./openapi-transform";

// Validates request bodies against LINE's official OpenAPI spec (line/line-openapi),
// loaded at runtime from ../shared/line-openapi next to the repo (never copied in).

export interface LineSchemas {
  specDir: string;
  messaging: Ajv;
  webhook: Ajv;
}

export interface SchemaViolation {
  property: string;
  message: string;
}

const cache = new Map<string, LineSchemas | null>();

/** The repo root is the nearest folder above this file with a package.json (works from src/ and dist/). */
function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

export function defaultLineOpenApiDir(): string {
  return path.resolve(findRepoRoot(), "..", "shared", "line-openapi");
}

function createAjv(schemas: SchemaMap): Ajv {
  // strict:false because the spec carries OpenAPI-only keywords (example, externalDocs, ...).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI numeric/binary formats carry no extra constraint for JSON bodies.
  for (const f of ["int32", "int64", "float", "double", "byte", "binary", "^[0-9]{8}$"]) ajv.addFormat(f, true);
  ajv.addSchema({ $id: "line", components: { schemas } });
  return ajv;
}

function loadSpec(file: string, forOutgoing: boolean): Ajv {
  const doc = parseYaml(readFileSync(file, "utf8")) as { components: { schemas: SchemaMap } };
  return createAjv(transformDiscriminators(doc.components.schemas, { rejectUnknownTypes: forOutgoing }));
}

/** Loads and compiles both spec files once per folder; null when the spec is not checked out here. */
export function loadLineSchemas(specDir: string = defaultLineOpenApiDir()): LineSchemas | null {
  const dir = path.resolve(specDir);
  if (cache.has(dir)) return cache.get(dir) ?? null;
  const messagingFile = path.join(dir, "messaging-api.yml");
  const webhookFile = path.join(dir, "webhook.yml");
  const schemas =
    existsSync(messagingFile) && existsSync(webhookFile)
      ? // Outgoing bodies must use known types; incoming webhooks stay open to new
        // event types, as LINE's development guidelines ask.
        { specDir: dir, messaging: loadSpec(messagingFile, true), webhook: loadSpec(webhookFile, false) }
      : null;
  cache.set(dir, schemas);
  return schemas;
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
