// Requests made from the desk's own OpenAPI document (`/api/docs-json`): every operation, with
// values generated from its documented path, query and body schemas, so that a route added later is
// exercised too. Used by the scope walk and the odd-input table.
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
};

export interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  body: Schema | null;
  /** false: a public route (login, platform webhooks, health). */
  secured: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] }>>;
}

export async function operations(base: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as OpenApiDoc;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = op.parameters ?? [];
      return {
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        secured: (op.security ?? []).length > 0,
      };
    }),
  );
}

/** How a generated request fills a field: an id for it (by its name), or text. */
export interface Fill {
  id(name: string): string | undefined;
  text(name: string): string;
}

const PATTERN_CANDIDATES = ['scope-walk', 'scopewalk', 'returns.scope-walk', '09:00', '2026-01', 'A1'];

function valueOf(schema: Schema, name: string, fill: Fill): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return valueOf(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], name, fill);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, valueOf(s, k, fill)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => valueOf(schema.items ?? {}, name, fill));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      return stringOf(schema, name, fill);
    default:
      return fill.text(name);
  }
}

/** One instant for the whole run: a walk repeated later asks the same URLs. */
const WALK_NOW = new Date().toISOString();

function stringOf(schema: Schema, name: string, fill: Fill): string {
  switch (schema.format) {
    case 'uuid':
      return fill.id(name) ?? fill.id('storeId')!;
    case 'date-time':
      return WALK_NOW;
    case 'date':
      return WALK_NOW.slice(0, 10);
    case 'email':
      return 'walk@scope.test';
    case 'uri':
      return 'https://example.com/hook';
  }
  if (schema.pattern) {
    const re = new RegExp(schema.pattern, 'u');
    const found = PATTERN_CANDIDATES.find((c) => re.test(c));
    if (found) return found;
  }
  const text = fill.text(name);
  return text.length >= (schema.minLength ?? 0) ? text : text.padEnd(schema.minLength!, 'x');
}

/** Bodies for an operation: one per alternative of a top-level union (ticket transitions), each with every documented field. */
export function bodiesOf(op: Operation, fill: Fill): unknown[] {
  if (!op.body) return [undefined];
  const alternatives = op.body.oneOf ?? op.body.anyOf;
  return (alternatives ?? [op.body]).map((s) => valueOf(s, 'body', fill));
}

/** Query strings: none, every id-like parameter at once, and each one alone (required ones always). */
export function queriesOf(op: Operation, fill: Fill): string[] {
  const required = op.query.filter((q) => q.required).map((q) => [q.name, String(valueOf(q.schema, q.name, fill))] as const);
  const ids = op.query.filter((q) => !q.required && fill.id(q.name)).map((q) => [q.name, fill.id(q.name)!] as const);
  const qs = (pairs: (readonly [string, string])[]) => (pairs.length ? `?${new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString()}` : '');
  return [...new Set([qs(required), qs([...required, ...ids]), ...ids.map((p) => qs([...required, p]))])];
}

/** The path with each parameter replaced. */
export const pathWith = (op: Operation, values: Record<string, string>) => op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(values[p]));
