// The long run of import fuzzing (`npm run test:slow`): 10,000 hostile versions of a real export, each refused with a
// message naming what is wrong, and nothing changed in any table. The default suite runs 500 (import-fuzz.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxDb } from '../../src/storage/db';
import type { JournalFile } from '../../src/runtime/import-check';
import { richExport } from './support/export-files';
import { fuzzImports, HOSTILE_KINDS } from './support/import-mutations';

let db: SandboxDb;
let base: JournalFile;

beforeAll(async () => {
  ({ db, file: base } = await richExport('import-fuzz-slow-seed'));
});

describe('import fuzzing, long run', () => {
  it('R-CLK-1 R-SEC-1 10,000 hostile exports are all refused with their message and write nothing', async () => {
    const started = performance.now();
    const tried = await fuzzImports(db, base, 10_000);
    for (const kind of HOSTILE_KINDS) expect(tried[kind] ?? 0, kind).toBeGreaterThan(100);
    console.info(`import fuzz: 10,000 files in ${((performance.now() - started) / 1_000).toFixed(1)} s`, tried);
  });
});
