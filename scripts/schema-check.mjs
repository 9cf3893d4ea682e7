// Compiles valibot schemas to a standalone yes/no check (src/edition/schema-check.ts, written by
// `npm run schema`): what the first render runs before it draws, without valibot. Valibot's
// schemas are plain objects (`type`, `entries`, `item`, `items`, `options`, `wrapped`, and a
// `pipe` of the schema and its actions, each with a `type` and a `requirement`); each one becomes
// a call of a small combinator that answers exactly what valibot's own `~run` answers (read in
// node_modules/valibot: the comments below say which of its rules each one follows). Anything
// this compiler does not know (a transformation, a default, a fallback, another schema type, a
// check function it was not told about) stops it with an error, so that the output never
// answers differently from the schema without a word. tests/node/schema-check.test.mjs holds
// it to that with fast-check, and to the checked-in file being what this writes.

/** The combinators, in the generated module: each returns a predicate. */
const RUNTIME = `
type P = (x: any) => boolean;

// Marked free of side effects, so that a bundle keeps only the checks it uses.
/** Every check passes, in order (the rest of a pipe's actions, which valibot runs only on a typed value). */
const rest = (x: any, f: P[]) => f.every((g) => g(x));
/** A string (valibot \`string\`) of \`a\` to \`b\` characters (\`minLength\`, \`maxLength\`), and the rest of its pipe. */
/* @__NO_SIDE_EFFECTS__ */ const str =
  (a = 0, b = Infinity, ...f: P[]): P =>
  (x) =>
    typeof x == 'string' && x.length >= a && x.length <= b && rest(x, f);
/**
 * A number that is not NaN (valibot \`number\`) from \`a\` to \`b\` (\`minValue\`, \`maxValue\`: valibot
 * fails what is not \`>=\`, \`<=\`), and the rest of its pipe.
 */
/* @__NO_SIDE_EFFECTS__ */ const num =
  (a = -Infinity, b = Infinity, ...f: P[]): P =>
  (x) =>
    typeof x == 'number' && x == x && x >= a && x <= b && rest(x, f);
/** true or false (valibot \`boolean\`). */
const bool: P = (x) => typeof x == 'boolean';
/** A number above \`a\` (\`gtValue\`). */
/* @__NO_SIDE_EFFECTS__ */ const above =
  (a: number): P =>
  (x) =>
    x > a;
/** A string the pattern matches (\`regex\`, \`isoDate\`). */
/* @__NO_SIDE_EFFECTS__ */ const re =
  (r: RegExp): P =>
  (x) =>
    r.test(x);
/** The value itself (\`literal\`: SameValueZero, which is \`===\` for the literals compiled). */
/* @__NO_SIDE_EFFECTS__ */ const is =
  (c: unknown): P =>
  (x) =>
    x === c;
/** One of the values (\`picklist\`: Array.prototype.includes). */
/* @__NO_SIDE_EFFECTS__ */ const one =
  (...c: unknown[]): P =>
  (x) =>
    c.includes(x);
/** Absent or passing (\`optional\` without a default). */
/* @__NO_SIDE_EFFECTS__ */ const opt =
  (f: P): P =>
  (x) =>
    x === undefined || f(x);
/** Any option passes (\`union\`; a \`variant\` too: an option passes only with its own discriminator). */
/* @__NO_SIDE_EFFECTS__ */ const any =
  (...f: P[]): P =>
  (x) =>
    f.some((g) => g(x));
/** A list (\`array\`) of \`a\` to \`b\` items (\`minLength\`, \`maxLength\`), each passing \`f\`: every index up to its length. */
/* @__NO_SIDE_EFFECTS__ */ const list =
  (f: P, a = 0, b = Infinity): P =>
  (x) => {
    if (!Array.isArray(x) || x.length < a || x.length > b) return false;
    for (let i = 0; i < x.length; i++) if (!f(x[i])) return false;
    return true;
  };
/** A list whose first items pass, one check each; items past them are not looked at (\`tuple\`). */
/* @__NO_SIDE_EFFECTS__ */ const tuple =
  (...f: P[]): P =>
  (x) =>
    Array.isArray(x) && f.every((g, i) => g(x[i]));
/**
 * An object (\`strictObject\`: any truthy value of type object, a list too) with no key of its own
 * or inherited and enumerable that is not an entry's, and every entry's check passing on its
 * value (\`x[k]\`, undefined when absent: only optional entries pass undefined). The optional
 * entries come apart, in \`o\`, their checks given without \`opt\`.
 */
/* @__NO_SIDE_EFFECTS__ */ const obj = (e: Record<string, P>, o: Record<string, P> = {}): P => {
  for (const k of Object.keys(o)) e[k] = opt(o[k]);
  const keys = Object.keys(e);
  return (x) => {
    if (!x || typeof x != 'object') return false;
    for (const k in x) if (!Object.hasOwn(e, k)) return false;
    return keys.every((k) => e[k](x[k]));
  };
};
`;

/**
 * The check of one schema as code: an expression of the combinators above. `known` maps the
 * functions of `check` actions to the names the generated module imports them by.
 */
function compile(schema, known) {
  const fail = (what) => {
    throw new Error(`schema-check: ${what} cannot be compiled (${schema.type}); extend scripts/schema-check.mjs`);
  };
  if (schema.fallback !== undefined) fail('a fallback');
  // A schema and the actions of its pipe (a pipe whose schema is a pipe runs that pipe's
  // actions, then its own: one list). Lengths and bounds become one range each (the largest
  // minimum, the smallest maximum); the other actions are checks of their own.
  let base = schema;
  let actions = [];
  while (base.pipe) [base, ...actions] = [...base.pipe, ...actions];
  let length = [0, Infinity];
  let value = [-Infinity, Infinity];
  const more = [];
  for (const action of actions) {
    if (action.kind === 'metadata') continue;
    if (action.kind !== 'validation') fail(`a ${action.kind} in a pipe (${action.type})`);
    const r = action.requirement;
    const bound = () => typeof r === 'number' || fail('a bound that is not a number');
    switch (action.type) {
      case 'min_length':
        length = [Math.max(length[0], r), length[1]];
        break;
      case 'max_length':
        length = [length[0], Math.min(length[1], r)];
        break;
      case 'min_value':
        bound();
        value = [Math.max(value[0], r), value[1]];
        break;
      case 'max_value':
        bound();
        value = [value[0], Math.min(value[1], r)];
        break;
      case 'gt_value':
        // Above r is at least r too: the range's minimum says the same for less code.
        bound();
        value = [Math.max(value[0], r), value[1]];
        more.push(`above(${r})`);
        break;
      case 'finite':
        more.push('Number.isFinite');
        break;
      case 'integer':
        more.push('Number.isInteger');
        break;
      case 'regex':
      case 'iso_date':
        if (!(r instanceof RegExp) || r.global || r.sticky) fail('a pattern with state');
        more.push(`re(${r})`);
        break;
      case 'check':
        if (!known.has(r)) fail('a check function not named to the compiler');
        more.push(known.get(r));
        break;
      default:
        fail(`the action ${action.type}`);
    }
  }
  // A number within finite bounds, or a whole one, is finite: that check says nothing more.
  if ((Number.isFinite(value[0]) && Number.isFinite(value[1])) || more.includes('Number.isInteger'))
    more.splice(0, more.length, ...more.filter((check) => check !== 'Number.isFinite'));
  const lengths = length[0] !== 0 || length[1] !== Infinity;
  const values = value[0] !== -Infinity || value[1] !== Infinity;
  /** Arguments, with those at their end that equal their default (`defaults`, from the first) left out. */
  const args = (list, defaults) => {
    const out = [...list];
    while (out.length && out.length <= defaults.length && out.at(-1) === defaults[out.length - 1]) out.pop();
    return out.map(String).join(', ');
  };
  if (base.type === 'string' || base.type === 'number') {
    if (base.type === 'string' ? values : lengths) fail(`a ${values ? 'value' : 'length'} on a ${base.type}`);
    if (base.type === 'string') return `str(${args([...length, ...more], [0, Infinity])})`;
    return `num(${args([...value, ...more], [-Infinity, Infinity])})`;
  }
  if (base.type === 'array') {
    if (values || more.length) fail('an action on a list other than its length');
    return `list(${args([compile(base.item, known), ...length], [undefined, 0, Infinity])})`;
  }
  if (actions.length) fail(`an action on a ${base.type}`);
  schema = base;
  switch (schema.type) {
    case 'boolean':
      return 'bool';
    case 'literal':
      if (
        typeof schema.literal !== 'string' &&
        !(typeof schema.literal === 'number' && Number.isFinite(schema.literal) && schema.literal !== 0)
      )
        fail('a literal other than a string or a finite number other than 0');
      return `is(${JSON.stringify(schema.literal)})`;
    case 'picklist':
      if (!schema.options.every((o) => typeof o === 'string')) fail('a picklist of other than strings');
      return `one(${schema.options.map((o) => JSON.stringify(o)).join(', ')})`;
    case 'optional':
      if (schema.default !== undefined) fail('a default');
      return `opt(${compile(schema.wrapped, known)})`;
    case 'tuple':
      return `tuple(${schema.items.map((item) => compile(item, known)).join(', ')})`;
    case 'union':
      return `any(${schema.options.map((option) => compile(option, known)).join(', ')})`;
    case 'variant':
      // Valid when an option's discriminators match and the option passes, and an option passes
      // only when its own discriminator does: the union of the options (all objects).
      if (!schema.options.every((option) => option.type === 'strict_object' || option.type === 'object'))
        fail('a variant of other than objects');
      if (schema.options.some((option) => option.type === 'object')) fail('a loose object in a variant');
      return `any(${schema.options.map((option) => compile(option, known)).join(', ')})`;
    case 'strict_object': {
      const required = [];
      const optional = [];
      for (const [key, entry] of Object.entries(schema.entries)) {
        // Absent, a required entry's value is undefined: every schema but `optional` fails it.
        if (['exact_optional', 'nullish', 'undefined', 'unknown', 'any', 'void'].includes(entry.type))
          fail(`an entry of type ${entry.type}`);
        const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
        if (entry.type === 'optional' && !entry.pipe) {
          if (entry.default !== undefined) fail('a default');
          optional.push(`${name}: ${compile(entry.wrapped, known)}`);
        } else required.push(`${name}: ${compile(entry, known)}`);
      }
      return optional.length ? `obj({ ${required.join(', ')} }, { ${optional.join(', ')} })` : `obj({ ${required.join(', ')} })`;
    }
    default:
      return fail(`the schema type ${schema.type}`);
  }
}

/** The top-level calls of a code string, split at its commas outside brackets, quotes and patterns. */
function* subexpressions(code) {
  // Every combinator call in the code, with its whole argument list.
  const stack = [];
  let quote;
  let pattern = false;
  let klass = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (pattern) {
      if (c === '\\') i++;
      else if (c === '[') klass = true;
      else if (c === ']') klass = false;
      else if (c === '/' && !klass) pattern = false;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '/' && /re\($/.test(code.slice(0, i))) pattern = true;
    else if (c === '(') {
      const start = code.slice(0, i).search(/[A-Za-z_$][\w$.]*$/);
      stack.push(start);
    } else if (c === ')') {
      const start = stack.pop();
      if (start >= 0) yield code.slice(start, i + 1);
    }
  }
}

/**
 * The shortest call worth a constant of its own when it stands more than once: gzip takes a
 * repeat of a short call for little, and constants cost names and lines (measured: every call
 * longer than 12 characters named, 1,646 bytes gzip; only the page's, 1,446).
 */
const MIN_SHARED = 1000;

/**
 * The module's text: the combinators and one exported check per entry of `schemas` (name →
 * valibot schema). A long call that stands more than once in the checks (the same code: a page in
 * an edition and in a page file) is made once, as a constant. `copies` (name → number, from the
 * module `copiedFrom`) are written as exported constants, for the first render's other checks.
 */
export function schemaCheckModule(schemas, { known = new Map(), imports = '', copies = {}, copiedFrom = '' } = {}) {
  const exports = Object.entries(schemas).map(([name, schema]) => [name, compile(schema, known)]);
  const counts = new Map();
  for (const [, code] of exports) for (const sub of subexpressions(code)) counts.set(sub, (counts.get(sub) ?? 0) + 1);
  // The longest shared calls first, so that each is written with the shorter ones already named.
  const shared = [...counts].filter(([sub, n]) => n > 1 && sub.length > MIN_SHARED).map(([sub]) => sub);
  const names = new Map();
  const lines = [];
  const name = (i) => `c${i}`;
  const replaceShared = (code) => {
    // Replace the longest named calls first, so that a call inside one is not replaced twice.
    for (const [sub, id] of [...names].sort((a, b) => b[0].length - a[0].length)) code = code.split(sub).join(id);
    return code;
  };
  // Shortest first: a constant's code may then use the names of those inside it.
  for (const sub of shared.sort((a, b) => a.length - b.length)) {
    const id = name(names.size);
    lines.push(`const ${id} = ${replaceShared(sub)};`);
    names.set(sub, id);
  }
  const body = exports.map(([exported, code]) => `export const ${exported}: (x: unknown) => boolean = ${replaceShared(code)};`);
  return [
    '// Generated by `npm run schema` (scripts/schema-check.mjs) from the valibot schemas of',
    '// src/edition/schema.ts: do not edit. tests/node/schema-check.test.mjs checks that it is current',
    '// and that it answers as valibot does.',
    '/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument */',
    '/**',
    " * The format's checks for a yes or no, without valibot and without words: the first render's",
    ' * check of an edition (validate-core.ts) before it is drawn, and of a page file. Each answers as',
    " * valibot's `is` does with the schema of the same name; validate.ts gives the words.",
    ' */',
    imports,
    ...(Object.keys(copies).length
      ? [`\n/** The caps of ${copiedFrom}, copied: the first render reads them here, the parts there. */`]
      : []),
    ...Object.entries(copies).map(([name, value]) => {
      if (!/^[A-Z_]+$/.test(name) || !Number.isFinite(value))
        throw new Error(`cannot copy ${name}: ${value} (a number under a constant's name)`);
      return `export const ${name} = ${value};`;
    }),
    RUNTIME,
    ...lines,
    '',
    ...body,
    '',
  ].join('\n');
}
