// LINE's OpenAPI spec models polymorphism with `discriminator.mapping` on a base schema
// and `allOf: [{$ref: Base}, {...}]` in each subtype. Plain JSON Schema (ajv) ignores
// `discriminator`, so a Flex body with `layout: "diagonal"` would pass. This rewrites the
// schemas so ajv checks each object against the subtype its `type` names
// (reference: shared/reference/line.md §2.4).

export type SchemaObject = Record<string, unknown>;
export type SchemaMap = Record<string, SchemaObject>;

interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

const PREFIX = "#/components/schemas/";

function discriminatorOf(s: SchemaObject): Discriminator | undefined {
  const d = s.discriminator as Discriminator | undefined;
  return d && d.mapping ? d : undefined;
}

/** Points subtype `allOf` refs at `B__base`, so Base -> Sub -> Base never recurses. */
function rewriteAllOfRefs(schema: SchemaObject, bases: Set<string>): SchemaObject {
  const allOf = schema.allOf as SchemaObject[] | undefined;
  if (!Array.isArray(allOf)) return schema;
  const rewritten = allOf.map((part) => {
    const ref = typeof part.$ref === "string" ? part.$ref : "";
    const name = ref.startsWith(PREFIX) ? ref.slice(PREFIX.length) : "";
    return bases.has(name) ? { ...part, $ref: `${PREFIX}${name}__base` } : part;
  });
  return { ...schema, allOf: rewritten };
}

/** Replaces base B with allOf [B__base, if type==k then Sub_k ...] (+ an enum of known types for outgoing bodies). */
function dispatchingSchema(name: string, d: Discriminator, rejectUnknownTypes: boolean): SchemaObject {
  const prop = d.propertyName;
  const branches = Object.entries(d.mapping).map(([value, ref]) => ({
    if: { properties: { [prop]: { const: value } }, required: [prop] },
    then: { $ref: ref },
  }));
  const allOf: SchemaObject[] = [{ $ref: `${PREFIX}${name}__base` }, ...branches];
  if (rejectUnknownTypes) allOf.push({ properties: { [prop]: { enum: Object.keys(d.mapping) } } });
  return { allOf };
}

export function transformDiscriminators(
  schemas: SchemaMap,
  opts: { rejectUnknownTypes: boolean },
): SchemaMap {
  const bases = new Set(Object.keys(schemas).filter((n) => discriminatorOf(schemas[n])));
  const out: SchemaMap = {};
  for (const [name, schema] of Object.entries(schemas)) out[name] = rewriteAllOfRefs(schema, bases);
  for (const name of bases) {
    const d = discriminatorOf(schemas[name])!;
    const { discriminator: _dropped, ...base } = out[name];
    out[`${name}__base`] = base;
    out[name] = dispatchingSchema(name, d, opts.rejectUnknownTypes);
  }
  return out;
}
