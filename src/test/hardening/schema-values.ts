/**
 * Values from the routes' own JSON schemas (TypeBox output): `exampleOf` gives one small valid value
 * (so a request gets past validation to the authorization check), `arbitraryOf` a fast-check
 * generator of valid values, and `hostileOf` valid values mixed with hostile mutations.
 */
import fc from 'fast-check';

// JSON Schema is untyped data; a narrow interface keeps the walkers readable.
export interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minProperties?: number;
  items?: JsonSchema | JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: '7d3f1f0e-4b1a-4c55-9f3e-2a1b3c4d5e6f',
  date: '2026-03-10',
  'date-time': '2026-03-10T03:00:00.000Z',
  email: 'contoh@example.id',
};

function stringExample(s: JsonSchema): string {
  if (s.format && FORMAT_EXAMPLES[s.format]) return FORMAT_EXAMPLES[s.format]!;
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 1000;
  if (s.pattern) {
    const found = fc
      .sample(fc.stringMatching(new RegExp(s.pattern)), { seed: 7, numRuns: 200 })
      .find((v) => [...v].length >= min && [...v].length <= max);
    if (found === undefined) throw new Error(`no example for pattern ${s.pattern}`);
    return found;
  }
  return 'contoh'.repeat(Math.ceil(Math.max(min, 6) / 6)).slice(0, Math.min(Math.max(min, 6), max));
}

const isNull = (s: JsonSchema) => s.type === 'null';

/** One small valid value: required properties only, the first enum member, the first non-null union member. */
export function exampleOf(s: JsonSchema): unknown {
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  const union = s.anyOf ?? s.oneOf;
  if (union) return exampleOf(union.find((x) => !isNull(x)) ?? union[0]!);
  if (s.allOf) return Object.assign({}, ...s.allOf.map(exampleOf));
  switch (s.type) {
    case 'string':
      return stringExample(s);
    case 'integer':
      return Math.max(s.minimum ?? 1, Math.min(1, s.maximum ?? 1));
    case 'number':
      return s.minimum !== undefined && s.maximum !== undefined ? (s.minimum + s.maximum) / 2 : (s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      if (Array.isArray(s.items)) return s.items.map(exampleOf);
      const item = s.items ? exampleOf(s.items) : 'x';
      // Unique items of a string schema: vary them so uniqueItems holds.
      return Array.from({ length: s.minItems ?? 0 }, (_, i) => (typeof item === 'string' && i ? `${item}${i}` : item));
    }
    case 'object': {
      const props = s.properties ?? {};
      const keys = [...(s.required ?? [])];
      for (const k of Object.keys(props)) if (keys.length < (s.minProperties ?? 0) && !keys.includes(k)) keys.push(k);
      return Object.fromEntries(keys.map((k) => [k, exampleOf(props[k] ?? {})]));
    }
    default:
      return {};
  }
}

const codePoints = (v: string) => [...v].length;

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 200, 200);
  const fits = (v: string) => codePoints(v) >= min && codePoints(v) <= (s.maxLength ?? Infinity);
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.constantFrom('warga@example.id', 'a.b@dumaikota.go.id', 'x+1@mail.test').filter(fits);
  }
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  return fc.string({ minLength: min, maxLength: Math.max(min, max), unit: fc.constantFrom(...'abc xyz-.,ÄéÑ日本語🙂'.split('')) });
}

/** Known-good values by property name (a real category, a point in the city), so generated requests reach past lookups. */
export type Hints = Record<string, unknown>;

/** Valid values of the schema (optional properties present or not). */
export function arbitraryOf(s: JsonSchema, hints: Hints = {}): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => arbitraryOf(u, hints)));
  if (s.allOf) return fc.tuple(...s.allOf.map((a) => arbitraryOf(a, hints))).map((parts) => Object.assign({}, ...parts));
  switch (s.type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (Array.isArray(s.items)) return fc.tuple(...s.items.map((i) => arbitraryOf(i, hints)));
      const item = arbitraryOf(s.items ?? {}, hints);
      const range = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, Math.max(s.minItems ?? 0, 3)) };
      return s.uniqueItems ? fc.uniqueArray(item, { ...range, selector: (v) => JSON.stringify(v) }) : fc.array(item, range);
    }
    case 'object': {
      const props = s.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(props).map(([k, v]) => [k, k in hints ? fc.oneof(fc.constant(hints[k]), arbitraryOf(v, hints)) : arbitraryOf(v, hints)]),
      );
      return fc
        .record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) })
        .filter((o) => Object.keys(o).length >= (s.minProperties ?? 0));
    }
    default:
      return fc.anything();
  }
}

/** Strings a careless server chokes on: huge, NUL, lone surrogates, RTL overrides, SQL and markup. */
export const hostileString = fc.oneof(
  fc.constant('x'.repeat(300_000)),
  fc.constant('a\u0000b'),
  fc.constant('\ud800'),
  fc.constant('\u202eevil\u202c'),
  fc.constant("'; drop table reports; --"),
  fc.constant('<script>alert(1)</script>'),
  fc.constant('%00%27%22'),
  fc.constant('１４７２０１'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Values of every JSON type, including deep nesting and prototype-pollution keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 1.5, true, false, null),
  fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}')),
  fc.constant(JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`)),
  fc.constant(JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`)),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
);

/** A valid value with one property (at any depth of the top object) replaced, removed or added. */
export function hostileOf(s: JsonSchema, hints: Hints = {}): fc.Arbitrary<unknown> {
  const valid = arbitraryOf(s, hints);
  const mutated = fc.tuple(valid, fc.nat(), hostileValue, fc.constantFrom('replace', 'remove', 'add', 'proto')).map(([v, pick, bad, how]) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return bad;
    const obj = { ...(v as Record<string, unknown>) };
    const keys = Object.keys(s.properties ?? obj);
    const key = keys.length ? keys[pick % keys.length]! : 'extra';
    if (how === 'replace') obj[key] = bad;
    else if (how === 'remove') delete obj[key];
    else if (how === 'add') obj[`x${pick % 7}`] = bad;
    else return JSON.parse(`{"__proto__":{"role":"super_admin"},${JSON.stringify(obj).slice(1)}`.replace(',}', '}'));
    return obj;
  });
  return fc.oneof({ arbitrary: valid, weight: 1 }, { arbitrary: mutated, weight: 3 }, { arbitrary: hostileValue, weight: 1 });
}
