import { defaultLineOpenApiDir, loadLineSchemas } from "../../src/dev/line-emulator/openapi-validator";

// LINE's OpenAPI spec is optional: a clone without ../shared (or with LINE_OPENAPI_DIR
// pointing elsewhere) runs every test except the checks that need the spec itself, and
// those skip with this one reason, so test/run.ts can count them in its closing summary.

/** The compiled spec, or null when it is not here. */
export const lineSchemas = loadLineSchemas();

const specDir = defaultLineOpenApiDir();
export const SPEC_SKIP_REASON = `needs LINE's OpenAPI spec (optional; ${specDir ? `none at ${specDir}` : "LINE_OPENAPI_DIR is not set"})`;

/** `{ skip: SKIP_WITHOUT_SPEC }` on a test that checks against the spec and nothing else. */
export const SKIP_WITHOUT_SPEC: string | false = lineSchemas ? false : SPEC_SKIP_REASON;
