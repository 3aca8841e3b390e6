// The LINE platform emulator: a local api.line.me + api-data.line.me that enforces
// LINE's documented rules, records what the bot sent, and sends signed webhooks.
export { startLineEmulator } from "./server";
export { signBody, verifyBodySignature, SIGNATURE_HEADER } from "./signature";
export { EventFactory, type ImageEventOptions, type LocationInput } from "./events";
export { makeUserId, makeUlid, isUuid, USER_ID_PATTERN } from "./ids";
export {
  loadLineSchemas,
  validateLineRequest,
  validateWebhookPayload,
  findLineRequestViolations,
  defaultLineOpenApiDir,
  type LineSchemas,
  type SchemaViolation,
} from "./openapi-validator";
export { checkLineMessages } from "./check-messages";
export { findRequestRuleViolations, REQUEST_RULES } from "./request-rules";
export { checkMessageLimits, findMessageLimitViolations, LIMITS } from "./message-limits";
export { DEFAULT_RATE_LIMITS } from "./rate-limiter";
export { makePngHeader, readImageSize } from "./image-size";
export type {
  ContentInput,
  Delivery,
  EmulatorOptions,
  EndpointName,
  FaultConfig,
  LineEmulator,
  RecordedRequest,
  SendWebhookOptions,
  UserProfileInput,
  WebhookDelivery,
  WebhookEventInput,
} from "./types";
