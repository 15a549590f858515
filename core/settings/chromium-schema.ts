/**
 * The managed-policy schema in Chromium's dialect, made from the JSON Schema zod gives. Chromium
 * reads `storage.managed_schema` as a subset of JSON Schema draft 3 and is strict about it, as
 * tried on Debian's Chromium:
 * - every schema has exactly one `type`; no `anyOf`, no type arrays, no `any` (the extension
 *   then does not load at all);
 * - undeclared properties of an object are silently dropped, so every nested property is
 *   declared;
 * - a value that does not fit its schema drops the whole policy key.
 * So each "a string or an object" of the lexicon format becomes the object alone, with the
 * string under the key the zod schema names in `policyObject` ({ "text": "reports" } for a plain
 * alternative, { "key": "…" } for a bibliography key); `fromPolicyForm` turns those back into
 * the file format before the value is validated with zod as usual.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  policyObject?: string;
  [key: string]: unknown;
}

export interface ChromiumSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, ChromiumSchema>;
  additionalProperties?: ChromiumSchema;
  items?: ChromiumSchema;
}

const branches = (s: JsonSchema) => s.anyOf ?? s.oneOf ?? s.allOf;

/**
 * A schema that allows anything (zod's `unknown`, e.g. the lexicon's reserved `prompts`), or an
 * array of such: Chromium has no form for it, so the property is left out of the policy schema
 * (and a value given for it does not reach the extension).
 */
const unrepresentable = (s: JsonSchema): boolean =>
  (s.type === undefined && !branches(s)) ||
  (s.type === 'array' && !!s.items && unrepresentable(s.items));

/** Chromium's form of one JSON Schema node; throws on one it cannot express. */
export function toChromiumSchema(schema: JsonSchema, path = '$'): ChromiumSchema {
  const choices = branches(schema);
  if (choices) {
    const objects = choices.filter((c) => c.type === 'object');
    const others = choices.filter((c) => c.type !== 'object');
    if (objects.length === 0) {
      // Alternatives of one simple type (a string or an enum of strings): that type.
      const types = new Set(others.map((c) => c.type));
      if (types.size !== 1) throw new Error(`${path}: a choice of types Chromium cannot express`);
      return toChromiumSchema({ ...others[0]! }, path);
    }
    // Objects and simple values: one object with every property of every object, plus the
    // `policyObject` key holding what would have been a plain value.
    const key = schema.policyObject;
    if (others.some((c) => c.type === 'string') && !key) {
      throw new Error(`${path}: a string or an object, with no policyObject key to write it under`);
    }
    const properties: Record<string, ChromiumSchema> = {};
    for (const object of objects) {
      for (const [name, property] of Object.entries(object.properties ?? {})) {
        if (!unrepresentable(property))
          properties[name] ??= toChromiumSchema(property, `${path}.${name}`);
      }
    }
    if (key) properties[key] = { type: 'string' };
    return { type: 'object', properties };
  }
  switch (schema.type) {
    case 'string':
    case 'boolean':
    case 'integer':
    case 'number':
      return { type: schema.type };
    case 'array':
      if (!schema.items) throw new Error(`${path}: an array without items`);
      return { type: 'array', items: toChromiumSchema(schema.items, `${path}[]`) };
    case 'object': {
      const out: ChromiumSchema = { type: 'object' };
      if (schema.properties) {
        out.properties = {};
        for (const [name, property] of Object.entries(schema.properties)) {
          if (unrepresentable(property)) continue;
          out.properties[name] = toChromiumSchema(property, `${path}.${name}`);
        }
      }
      if (typeof schema.additionalProperties === 'object') {
        out.additionalProperties = toChromiumSchema(schema.additionalProperties, `${path}.*`);
      }
      return out;
    }
    default:
      throw new Error(`${path}: type ${JSON.stringify(schema.type)} has no Chromium form`);
  }
}

/**
 * A value as a policy gives it, in the file format: each `{ "<policyObject>": "…" }` standing for
 * a plain value becomes that value. Anything else is left as it is, for zod to judge.
 */
export function fromPolicyForm(value: unknown, schema: JsonSchema): unknown {
  const choices = branches(schema);
  if (choices) {
    const key = schema.policyObject;
    if (key && isObject(value) && Object.keys(value).length === 1 && key in value) {
      return value[key];
    }
    const objects = choices.filter((c) => c.type === 'object');
    // Within the object form, its properties may hold policy forms of their own.
    const merged: JsonSchema = {
      type: 'object',
      properties: Object.assign({}, ...objects.map((o) => o.properties ?? {})) as Record<
        string,
        JsonSchema
      >,
    };
    return isObject(value) ? fromPolicyForm(value, merged) : value;
  }
  if (schema.type === 'array' && Array.isArray(value) && schema.items) {
    return value.map((item) => fromPolicyForm(item, schema.items!));
  }
  if (schema.type === 'object' && isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const property =
        schema.properties?.[name] ??
        (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      out[name] = property ? fromPolicyForm(item, property) : item;
    }
    return out;
  }
  return value;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
