import { InvalidInputError } from '../common/errors/domain-errors';

/** Which fields of an object to keep: named sub-filters, and names to leave out. */
export interface FieldFilter {
  include: Map<string, FieldFilter | null>;
  exclude: Set<string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses Spotify's `fields` syntax: `a,b.c,d(e,f(!g))`. A dot is shorthand for a one-field
 * parenthesis, and the same name given twice merges its sub-filters.
 */
export function parseFields(text: string): FieldFilter {
  let at = 0;
  const fail = (): never => {
    throw new InvalidInputError(`fields is malformed near character ${at + 1}`);
  };
  // name, then optionally `.field` or `(list)`
  const field = (): { name: string; negated: boolean; sub: FieldFilter | null } => {
    const negated = text[at] === '!';
    if (negated) at++;
    const start = at;
    while (at < text.length && !',.()!'.includes(text[at])) at++;
    const name = text.slice(start, at).trim();
    if (!NAME.test(name)) fail();
    let sub: FieldFilter | null = null;
    if (text[at] === '.') {
      at++;
      const inner = field();
      if (inner.negated) fail();
      sub = { include: new Map([[inner.name, inner.sub]]), exclude: new Set() };
    } else if (text[at] === '(') {
      at++;
      sub = list();
      if (text[at++] !== ')') fail();
    }
    if (negated && sub) fail();
    return { name, negated, sub };
  };
  const list = (): FieldFilter => {
    const filter: FieldFilter = { include: new Map(), exclude: new Set() };
    for (;;) {
      const { name, negated, sub } = field();
      if (negated) filter.exclude.add(name);
      else filter.include.set(name, merge(filter.include.get(name), sub));
      if (text[at] !== ',') return filter;
      at++;
    }
  };
  const filter = list();
  if (at !== text.length) fail();
  return filter;
}

/** Null (the whole value) wins over any narrower filter of the same field. */
function merge(a: FieldFilter | null | undefined, b: FieldFilter | null): FieldFilter | null {
  if (a === undefined) return b;
  if (a === null || b === null) return null;
  const include = new Map(a.include);
  for (const [name, sub] of b.include) include.set(name, merge(include.get(name), sub));
  return { include, exclude: new Set([...a.exclude, ...b.exclude]) };
}

/** Applies a filter to a JSON value; arrays apply it to each element. */
export function applyFields(value: unknown, filter: FieldFilter): unknown {
  if (Array.isArray(value)) return value.map((element) => applyFields(element, filter));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  const keepAll = filter.include.size === 0;
  for (const [key, field] of Object.entries(value)) {
    if (filter.exclude.has(key)) continue;
    if (keepAll) {
      result[key] = field;
      continue;
    }
    if (!filter.include.has(key)) continue;
    const sub = filter.include.get(key);
    result[key] = sub ? applyFields(field, sub) : field;
  }
  return result;
}
