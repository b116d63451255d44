// What the Chromium bench page (bench-page.ts) offers its driver (scripts/bench-browser.mjs) on `window.bench`. Types only.

/** A journal built in the page and written to IndexedDB with writeSandbox. */
export interface WriteReport {
  sandboxId: string;
  entries: number;
  /** Event-log rows of the whole sandbox, and of the org asked about (Acme Corp). */
  eventRows: number;
  orgEventRows: number;
  generateMs: number;
  writeMs: number;
}

/** navigator.storage.estimate() of this origin; `indexedDb` is Chromium's usageDetails.indexedDB when it gives one. */
export interface StorageReport {
  usage: number;
  indexedDb: number | null;
}

/** One kind of event-log query: every sample (ms, in order, the first one cold), and what it found. */
export interface QuerySamples {
  name: string;
  samplesMs: number[];
  total: number;
  rows: number;
  /** Diagnostic: the same index range counted alone, and its first page read alone (ms each time). */
  countSamplesMs: number[];
  pageSamplesMs: number[];
}

export interface DispatchReport {
  commands: number;
  /** Commands the runtime refused with no events (not journaled). */
  refused: number;
  /** ms per block of commands, through Sandbox.dispatch and as raw Dexie transactions with the same rows. */
  dispatchBlocksMs: number[];
  rawBlocksMs: number[];
  blockSize: number;
  /** Diagnostic, after the blocks: one more block each way, dispatching with no watch on other tabs (Dexie liveQuery). */
  unwatchedDispatchMs: number;
  unwatchedRawMs: number;
}

export interface BenchApi {
  /** PAGE_SIZE of Manager's paged lists (src/ui/manager/create-pages.ts). */
  readonly pageSize: number;
  /** Builds the aged journal (tests/bench/aged-journal.ts) of `size` entries and writes it as sandbox `id`. */
  writeAged(id: string, size: number): Promise<WriteReport>;
  /** Builds a journal whose Acme Corp event log holds `rows` entries and writes it as sandbox `id`. */
  writeOneOrg(id: string, rows: number): Promise<WriteReport>;
  /** Makes `id` the sandbox the app opens (localStorage 'code-sandbox:current'). */
  makeCurrent(id: string): void;
  /** Usage once it has settled (two equal readings in a row). */
  storage(): Promise<StorageReport>;
  /** Sandbox.open of `id` without the screens and without the background verification, `times` times (ms). */
  openRuntime(id: string, times: number): Promise<number[]>;
  /** DexieLogs.events of `id` for Acme Corp: by username, by type, by a time range, and unfiltered (the reference). */
  queryLogs(id: string, times: number): Promise<QuerySamples[]>;
  /** `commands` commands through Sandbox.dispatch and the same rows written by raw Dexie transactions, block by block. */
  dispatchVsRaw(commands: number, blocks: number): Promise<DispatchReport>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
