import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findRepoRoot } from "../../util/repo-root";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { transformDiscriminators, type SchemaMap } from "./openapi-transform";

// Loads LINE's official OpenAPI spec (line/line-openapi) when LINE_OPENAPI_DIR names a
// folder that holds it (it is never copied into the repo; test/run.ts points there when
// a copy sits beside the clone), and compiles it with ajv. It is an optional, stricter check: the emulator's own table of
// LINE's documented rules (request-rules.ts, message-limits.ts) applies with or without it.

/** The spec's folder from LINE_OPENAPI_DIR; undefined when unset (no spec check). */
export function defaultLineOpenApiDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.LINE_OPENAPI_DIR ? path.resolve(env.LINE_OPENAPI_DIR) : undefined;
}

/** Parsing the 6,000-line YAML takes ~0.5 s; every test process pays it, so keep the result as JSON in .cache/. */
function readSpecSchemas(file: string): SchemaMap {
  const text = readFileSync(file, "utf8");
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const cacheDir = path.join(findRepoRoot(), ".cache", "line-openapi");
  const cached = path.join(cacheDir, `${path.basename(file, ".yml")}-${hash}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as SchemaMap;
  const schemas = (parseYaml(text) as { components: { schemas: SchemaMap } }).components.schemas;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(schemas));
    renameSync(tmp, cached); // atomic: parallel test processes never read half a file
  } catch {
    // A read-only checkout just parses every time.
  }
  return schemas;
}

// Compiled up front so the first API call is not slowed (a slow first reply could outlive a short test TTL).
const EAGER_SCHEMAS = ["ReplyMessageRequest", "PushMessageRequest", "MulticastRequest", "BroadcastRequest", "RichMenuRequest", "CallbackRequest"];

export function compileSpec(file: string, rejectUnknownTypes: boolean): Ajv {
  const raw = readSpecSchemas(file);
  // strict:false because the spec carries OpenAPI-only keywords (example, externalDocs, ...).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI numeric/binary formats carry no extra constraint for JSON bodies.
  for (const f of ["int32", "int64", "float", "double", "byte", "binary", "^[0-9]{8}$"]) ajv.addFormat(f, true);
  ajv.addSchema({ $id: "line", components: { schemas: transformDiscriminators(raw, { rejectUnknownTypes }) } });
  for (const name of EAGER_SCHEMAS) if (raw[name]) ajv.getSchema(`line#/components/schemas/${name}`);
  return ajv;
}

/** Compiled spec validators. Outgoing bodies must use known types; incoming webhooks stay
 * open to new event types, as LINE's development guidelines ask. */
export class LineSchemas {
  private webhookAjv: Ajv | undefined;
  readonly messaging: Ajv;

  constructor(readonly specDir: string) {
    this.messaging = compileSpec(path.join(specDir, "messaging-api.yml"), true);
  }

  /** webhook.yml is compiled on first use: most callers only validate outgoing bodies. */
  get webhook(): Ajv {
    this.webhookAjv ??= compileSpec(path.join(this.specDir, "webhook.yml"), false);
    return this.webhookAjv;
  }
}
