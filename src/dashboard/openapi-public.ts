// The public open-data operations (issue 23): no token, no personal data. Merged
// into /api/openapi.json by openapi.ts.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const count = ref("PublicCount");
const counts = { type: "array", items: count, minItems: 4, maxItems: 4 };
const area = { districtCode: { type: "string", pattern: "^[0-9]{4}$" }, district: { type: "string" } };
const obj = (properties: Record<string, unknown>) => ({ type: "object", additionalProperties: false, required: Object.keys(properties), properties });

export const PUBLIC_PATHS = {
  "/public/transparency": {
    get: {
      operationId: "getPublicTransparency",
      summary: "Open data: pledges, village meetings and complaints per district and quarter, with the small-count rule (1–4 as \"small\"). CC BY 4.0. Rebuilt at most once a minute. No token.",
      security: [],
      responses: { 200: { description: "OK", content: { "application/json": { schema: ref("PublicTransparency") } } } },
    },
  },
  "/public/transparency.csv": {
    get: {
      operationId: "getPublicTransparencyCsv",
      summary: "The same figures as CSV (UTF-8 with BOM), one row per figure: table, district, category, quarter, measure, value as shown, exact value when published. No token.",
      security: [],
      responses: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } } },
    },
  },
};

export const PUBLIC_SCHEMAS = {
  PublicCount: {
    type: "object",
    additionalProperties: false,
    required: ["kind"],
    description: "exact: value; small: 1–4; hidden: 5 or more, hidden so that no small cell can be worked out; range: a total holding small or hidden cells (max null: no upper bound).",
    properties: {
      kind: { type: "string", enum: ["exact", "small", "hidden", "range"] },
      value: { type: "integer", minimum: 0 },
      min: { type: "integer", minimum: 0 },
      max: { type: "integer", minimum: 0, nullable: true },
    },
  },
  PublicTransparency: obj({
    campaignYear: { type: "integer" },
    generatedAt: { type: "string", format: "date-time" },
    licence: obj({ name: { type: "string" }, url: { type: "string" } }),
    quarters: { type: "array", items: obj({ quarter: { type: "integer", minimum: 1, maximum: 4 }, from: { type: "string", format: "date-time" } }) },
    pledges: obj({
      rows: { type: "array", items: obj({ ...area, line: count, meetings: count, total: count }) },
      totals: obj({ line: count, meetings: count, total: count }),
    }),
    meetings: obj({
      rows: { type: "array", items: obj({ ...area, held: count, attended: count }) },
      totals: obj({ held: count, attended: count }),
    }),
    complaints: obj({
      byDistrict: { type: "array", items: obj({ ...area, received: counts, receivedTotal: count, closed: counts, closedTotal: count }) },
      byCategory: { type: "array", items: obj({ category: { type: "string" }, label: { type: "string" }, received: counts, receivedTotal: count, closed: counts, closedTotal: count }) },
      totals: obj({ received: counts, receivedTotal: count, closed: counts, closedTotal: count }),
    }),
    responseTimes: {
      type: "array",
      description: "Working days to first response and to closing, and the share answered within the deadline, per district the cases went to (or province) and quarter. null: withheld (fewer than 5 cases) or no data.",
      items: obj({
        area: { type: "string" },
        areaName: { type: "string" },
        quarter: { type: "integer", minimum: 1, maximum: 4 },
        medianDaysToFirstResponse: { type: "number", nullable: true },
        medianDaysToClose: { type: "number", nullable: true },
        shareAnsweredInTime: { type: "number", minimum: 0, maximum: 1, nullable: true },
      }),
    },
  }),
};
