// OpenAPI 3.0 description of /api/*. The integration test compares these
// paths and methods with the routes express really serves, in both directions.
type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const error = { description: "error", content: { "application/json": { schema: ref("Error") } } };
const json = (schema: Schema, description = "OK") => ({ description, content: { "application/json": { schema } } });

export function buildOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.0.3",
    info: { title: "Sujarit officer API", version: "1.0.0", description: "Complaint review, meetings and progress for Khon Kaen officers. Token auth: Authorization: Bearer <API token>." },
    servers: [{ url: "/api" }],
    security: [{ bearerAuth: [] }],
    paths: {
      "/me": { get: { operationId: "getMe", summary: "The account of this token", responses: { 200: json(ref("Me")), 401: error } } },
    },
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: { type: "object", required: ["error", "message"], properties: { error: { type: "string" }, message: { type: "string" } }, additionalProperties: false },
        Me: {
          type: "object",
          required: ["id", "username", "role", "districts"],
          properties: { id: { type: "string" }, username: { type: "string" }, role: { type: "string", enum: ["admin", "officer", "viewer"] }, districts: { type: "array", items: { type: "string" } } },
          additionalProperties: false,
        },
      },
    },
  };
}
