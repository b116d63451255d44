// Property-based fuzzing of import (fast-check): 500 hostile versions of a real export, each refused with a message
// naming what is wrong, and nothing changed in any table. 10,000 in import-fuzz.slow.test.ts (`npm run test:slow`).
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxDb } from '../../src/storage/db';
import type { JournalFile } from '../../src/runtime/import-check';
import { richExport } from './support/export-files';
import { fuzzImports, HOSTILE_KINDS } from './support/import-mutations';

let db: SandboxDb;
let base: JournalFile;

beforeAll(async () => {
  ({ db, file: base } = await richExport('import-fuzz-seed'));
});

describe('import fuzzing', () => {
  it('R-CLK-1 R-SEC-1 500 hostile exports (edited, deleted, reordered, forged, reseeded, mistyped, prototype keys, huge, deep, oversized, moved while paused) are all refused and write nothing', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const tried = await fuzzImports(db, base, 500);
    const seconds = (performance.now() - started) / 1_000;
    // Every kind was tried: the property is not vacuous.
    for (const kind of HOSTILE_KINDS) expect(tried[kind] ?? 0, kind).toBeGreaterThan(0);
    console.info(`import fuzz: 500 files in ${seconds.toFixed(1)} s`, tried);
  });
});
