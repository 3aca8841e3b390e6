import { makeUserId } from "./ids";
import { checkMessageLimits } from "./message-limits";
import { loadLineSchemas, validateLineRequest, type LineSchemas } from "./openapi-validator";

/**
 * One call for tests of Flex builders: are these messages acceptable to LINE as one push?
 * Checks the official schema (when ../shared/line-openapi is present) and the limits the
 * schema lacks. Returns readable errors; [] = valid.
 */
export function checkLineMessages(messages: unknown[], schemas: LineSchemas | null = loadLineSchemas()): string[] {
  const schemaErrors = schemas ? validateLineRequest(schemas, "PushMessageRequest", { to: makeUserId("check"), messages }) : [];
  return [...schemaErrors, ...checkMessageLimits(messages)];
}
