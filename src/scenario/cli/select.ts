// Which files and scenarios a run takes: folders searched for scenario files in a fixed order, a deterministic share of
// the files for one machine of a CI matrix (--shard), and scenarios picked by title (--grep). No fs or process here:
// the file system comes in as a small interface.
import type { Bilingual } from '../text';

/** What the runner needs of a file system. */
export interface FileTree {
  /** 'file', 'dir' or null when nothing is there. */
  kind(path: string): 'file' | 'dir' | null;
  /** The names in a folder. */
  list(dir: string): string[];
}

export const SCENARIO_FILE = /\.(scenario\.json|feature)$/i;

/** Code-unit order: the same on every machine, whatever its locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const join = (dir: string, name: string) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

export type FoundFiles = { ok: true; files: string[] } | { ok: false; missing: string[]; empty: string[] };

/**
 * The scenario files the paths name: a file as given (whatever its name), a folder's *.scenario.json and *.feature
 * files at any depth. Sorted, each once. A path that does not exist, or a folder without one scenario file, is an error.
 */
export function findScenarioFiles(paths: readonly string[], tree: FileTree): FoundFiles {
  const found = new Set<string>();
  const missing: string[] = [];
  const empty: string[] = [];
  const walk = (dir: string, into: string[]) => {
    for (const name of [...tree.list(dir)].sort(byCodeUnit)) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      const kind = tree.kind(path);
      if (kind === 'dir') walk(path, into);
      else if (kind === 'file' && SCENARIO_FILE.test(name)) into.push(path);
    }
  };
  for (const raw of paths) {
    const path = raw.replace(/\\/g, '/').replace(/(.)\/+$/, '$1');
    const kind = tree.kind(path);
    if (kind === 'file') found.add(path);
    else if (kind === 'dir') {
      const inside: string[] = [];
      walk(path, inside);
      if (inside.length === 0) empty.push(raw);
      for (const file of inside) found.add(file);
    } else missing.push(raw);
  }
  if (missing.length || empty.length) return { ok: false, missing, empty };
  return { ok: true, files: [...found].sort(byCodeUnit) };
}

/** One machine of a CI matrix: the index-th (from 1) of total. */
export interface Shard {
  index: number;
  total: number;
}

/** "2/4" -> { index: 2, total: 4 }, or why not. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `must be I/N, such as 1/4 (got "${text}")`;
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1) return 'N must be at least 1';
  if (index < 1 || index > total) return `I must be from 1 to ${total} (got ${index})`;
  return { index, total };
}

/**
 * The files of one shard: the sorted list dealt out in turn, file k to shard (k mod N) + 1. Every machine sorts the
 * same list the same way, so N shards together take every file exactly once, and their sizes differ by at most one.
 */
export function shardFiles(files: readonly string[], shard: Shard): string[] {
  return [...files].sort(byCodeUnit).filter((_file, k) => k % shard.total === shard.index - 1);
}

/** A title filter: plain text (any case) or a regular expression written /like this/i. */
export interface Grep {
  source: string;
  test(text: string): boolean;
}

/** "/^Three/i" -> a regular expression; anything else -> case-insensitive text; or why not. */
export function parseGrep(text: string): Grep | string {
  if (text === '') return 'needs a text or a /regular expression/';
  const regex = /^\/(.+)\/([a-z]*)$/s.exec(text);
  if (regex) {
    const flags = (regex[2] ?? '').replace(/[gy]/g, '');
    try {
      const pattern = new RegExp(regex[1] ?? '', flags);
      return { source: text, test: (title) => pattern.test(title) };
    } catch (error) {
      return `not a regular expression: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const needle = text.toLowerCase();
  return { source: `"${text}"`, test: (title) => title.toLowerCase().includes(needle) };
}

/** Whether a scenario's title, in either language, is picked. */
export function grepTitle(grep: Grep, title: Bilingual): boolean {
  return grep.test(title.en) || grep.test(title.nb);
}
