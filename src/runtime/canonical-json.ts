// Canonical JSON: object keys sorted, no spaces, so the same data always hashes the same (journal hash chain).

/** Quoted keys, made once: the same few dozen keys recur in every entry. */
const quotedKeys = new Map<string, string>();

function quoted(key: string): string {
  let text = quotedKeys.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, text);
  }
  return text;
}

/** A string JSON.stringify would only put quotes around: printable ASCII without a quote or a backslash. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The canonical JSON of one value, built by concatenation (V8 joins the pieces once, when the text is read): the
 * same text the first implementation gave (tests/runtime/canonical-json.test.ts keeps it as the reference). A plain
 * string is quoted without JSON.stringify, a finite number is written as String writes it (the same digits as
 * JSON.stringify, -0 included), and the keys of each object, a handful, are sorted in place by insertion in
 * UTF-16 code-unit order, as Array.prototype.sort orders them.
 */
function jsonText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: numbers must be finite');
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          out += i > 0 ? ',' : '';
          out += item === undefined ? 'null' : jsonText(item);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>; // a non-array object
      const keys = Object.keys(record);
      for (let i = 1; i < keys.length; i++) {
        const key = keys[i] as string; // i < keys.length
        let j = i - 1;
        for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string; // j in 0..i-1
        keys[j + 1] = key;
      }
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string; // i < keys.length
        const item = record[key];
        if (item === undefined) continue;
        out += first ? quoted(key) : `,${quoted(key)}`;
        out += `:${jsonText(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      // undefined, a function or a symbol: what JSON.stringify makes of them in an array (a bigint throws, as there).
      return JSON.stringify(value) ?? 'null';
  }
}

/** JSON text of `value` with every object's keys in sorted order. Undefined properties are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  return jsonText(value);
}

/**
 * Whether two JSON-like values have the same canonical JSON, without making it: key order does not matter and an
 * undefined property is the same as a missing one. Numbers must be finite, as for canonicalJson.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Number.isFinite(a);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const x = a as Record<string, unknown>; // non-array objects
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    defined += 1;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) defined -= 1;
  return defined === 0;
}
