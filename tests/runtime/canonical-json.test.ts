// Canonical JSON (the hash chain's input) and sameJson (the verifier's comparison): the same answers as the reference, on any JSON-like value.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, sameJson } from '../../src/runtime/canonical-json';

/** The first implementation, kept as the reference: every hash in every stored journal was made with it. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => reference(item === undefined ? null : item)).join(',')}]`;
  const record = value as Record<string, unknown>; // a non-array object
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
}

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 5 }),
})).value;

describe('canonical JSON of the journal (R-SEC-5: entries hash the same forever)', () => {
  it('gives exactly the text the first implementation gave', () => {
    fc.assert(fc.property(json, (value) => canonicalJson(value) === reference(value)), { numRuns: 2_000 });
  });

  it('sameJson says two values are equal exactly when their canonical JSON is', () => {
    fc.assert(fc.property(json, json, (a, b) => sameJson(a, b) === (canonicalJson(a) === canonicalJson(b))), { numRuns: 2_000 });
    fc.assert(fc.property(json, (a) => sameJson(a, structuredClone(a))), { numRuns: 1_000 });
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ type: 'X', extra: 1 }, { type: 'X' })).toBe(false);
    expect(sameJson([1, undefined], [1, null])).toBe(true);
  });

  it('refuses numbers that are not finite', () => {
    expect(() => canonicalJson({ at: Infinity })).toThrow(TypeError);
  });
});
