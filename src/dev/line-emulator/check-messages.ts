import { makeUserId } from "./ids";
import { checkMessageLimits } from "./message-limits";
import { loadLineSchemas, validateLineRequest, formatViolation, type LineSchemas } from "./openapi-validator";
import { findRequestRuleViolations } from "./request-rules";

/**
 * One call for tests of Flex builders: are these messages acceptable to LINE as one push?
 * Always checks the emulator's own table of LINE's rules (shapes and limits); adds LINE's
 * OpenAPI schema when the spec is present (LINE_OPENAPI_DIR).
 * Returns readable errors; [] = valid.
 */
export function checkLineMessages(messages: unknown[], schemas: LineSchemas | null = loadLineSchemas()): string[] {
  const body = { to: makeUserId("check"), messages };
  const schemaErrors = schemas ? validateLineRequest(schemas, "PushMessageRequest", body) : [];
  const ownErrors = findRequestRuleViolations("PushMessageRequest", body).map(formatViolation);
  return [...new Set([...schemaErrors, ...ownErrors])].concat(checkMessageLimits(messages));
}
