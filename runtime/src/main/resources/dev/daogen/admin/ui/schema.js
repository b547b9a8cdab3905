// What the UI knows about an entity: GET /schemas/{entity} (keys, flags, foreign keys) merged with the JSON Schema of
// its input body in GET /openapi.json (constraints, element types, nested records). Nothing is per plugin.

import { api, seg } from './api.js';

let openapi = null;
const schemas = new Map();

export function clearCaches() {
  openapi = null;
  schemas.clear();
}

async function document() {
  if (!openapi) openapi = await api('GET', '/openapi.json');
  return openapi;
}

function resolve(doc, s) {
  if (s && s.$ref) return resolve(doc, doc.components.schemas[s.$ref.split('/').pop()]);
  return s || {};
}

/** A JSON Schema property as a descriptor the form understands. */
export function describe(doc, raw) {
  let s = resolve(doc, raw);
  let nullable = false;
  if (s.anyOf) {
    nullable = s.anyOf.some((x) => x.type === 'null');
    s = resolve(doc, s.anyOf.find((x) => x.type !== 'null'));
  }
  let type = s.type;
  if (Array.isArray(type)) {
    nullable = nullable || type.includes('null');
    type = type.find((t) => t !== 'null');
  }
  const d = { nullable, default: s.default, description: s.description };
  if (s.enum) return { ...d, kind: 'enum', oneOf: s.enum };
  if (type === 'array') {
    return { ...d, kind: 'list', unique: !!s.uniqueItems, items: describe(doc, s.items), maxItems: s.maxItems,
      minItems: s.minItems };
  }
  if (type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') {
    return { ...d, kind: 'map', values: describe(doc, s.additionalProperties) };
  }
  if (type === 'object') {
    const required = new Set(s.required || []);
    return { ...d, kind: 'record', fields: Object.entries(s.properties || {}).map(([name, p]) => ({
      name, required: required.has(name), desc: describe(doc, p) })) };
  }
  if (type === 'integer' || type === 'number') {
    let min = s.minimum;
    if (s.exclusiveMinimum !== undefined) min = type === 'integer' ? s.exclusiveMinimum + 1 : s.exclusiveMinimum;
    let max = s.maximum;
    if (s.exclusiveMaximum !== undefined) max = type === 'integer' ? s.exclusiveMaximum - 1 : s.exclusiveMaximum;
    return { ...d, kind: type, min, max };
  }
  if (type === 'boolean') return { ...d, kind: 'boolean' };
  return { ...d, kind: s.format === 'date' ? 'date' : s.format === 'uuid' ? 'uuid' : 'string',
    email: s.format === 'email', minLength: s.minLength, maxLength: s.maxLength, pattern: htmlPattern(s.pattern) };
}

/** An HTML pattern attribute (the whole value, 'v' flag) for a JSON Schema pattern, when a browser can use it. */
function htmlPattern(p) {
  if (!p) return undefined;
  const whole = p.replace(/^\^\(\?:/, '(?:').replace(/\)\$$/, ')');
  try {
    new RegExp(whole, 'v');
    return whole;
  } catch {
    return undefined;
  }
}

/** The entity's schema: {name, admin, nested, pk, endpointKey, ttl, fields: [{name, ...flags, desc}]}. */
export async function entity(name) {
  if (schemas.has(name)) return schemas.get(name);
  const [s, doc] = await Promise.all([api('GET', `/schemas/${seg(name)}`), document()]);
  const admin = s.admin_api_name;
  const post = doc.paths[`/${admin}`] && doc.paths[`/${admin}`].post;
  const input = resolve(doc, post && post.requestBody.content['application/json'].schema);
  const props = input.properties || {};
  const fields = s.fields.map((entry) => {
    const [fname, f] = Object.entries(entry)[0];
    const desc = describe(doc, props[fname]);
    const kind = {
      timestamp: 'timestamp', date: 'date', uuid: 'uuid', decimal: 'decimal', enum: 'enum', boolean: 'boolean',
      integer: 'integer', bigint: 'integer', double: 'number',
    }[f.type];
    if (kind && !f.reference) desc.kind = kind;
    if (f.type === 'enum') desc.oneOf = f.one_of;
    desc.nullable = !!f.nullable;
    return { name: fname, ...f, desc };
  });
  if (s.ttl) {
    fields.push({ name: 'ttl', ttl: true, required: false, nullable: true,
      desc: { ...describe(doc, props.ttl), kind: 'integer', nullable: true } });
  }
  const model = {
    name: s.name, admin, nested: s.admin_api_nested_name, pk: s.primary_key, endpointKey: s.endpoint_key,
    ttl: s.ttl, fields, description: input.description,
  };
  schemas.set(name, model);
  return model;
}

/** Every entity's schema (for children, parents and what a delete cascades to). */
export async function all() {
  const root = await api('GET', '/');
  return Promise.all(root.entities.map(entity));
}

/** The key an item is addressed by in paths: its primary key (single-column keys). */
export const keyOf = (schema, item) => item[schema.pk[0]];

/** How an item is named to people: its endpoint key, else its primary key. */
export const labelOf = (schema, item) =>
  (schema.endpointKey && item[schema.endpointKey]) || String(keyOf(schema, item));

/**
 * What deleting an item of `schema` does to other entities, from the foreign keys: cascades (recursively), set to
 * null, or refused (restrict).
 */
export function deleteEffects(schema, schemas, seen = new Set([schema.name])) {
  const out = [];
  for (const child of schemas) {
    for (const f of child.fields) {
      if (f.reference !== schema.name) continue;
      const effect = { entity: child, field: f.name, action: f.on_delete, children: [] };
      if (f.on_delete === 'cascade' && !seen.has(child.name)) {
        effect.children = deleteEffects(child, schemas, new Set([...seen, child.name]));
      }
      out.push(effect);
    }
  }
  return out;
}
