// The runner's command line: files or folders, and the flags. Pure: argv in, options or a reason out.
import type { Lang } from '../text';
import { parseShard, parseGrep } from './select';
import type { Shard, Grep } from './select';

export interface CliOptions {
  paths: string[];
  lang: Lang;
  grep: Grep | null;
  shard: Shard | null;
  junit: string | null;
  list: boolean;
  color: boolean;
  help: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string; lang: Lang };

const VALUED = new Set(['--lang', '--grep', '--shard', '--junit']);

/** Reads argv (without node and the script). `--flag value` and `--flag=value` both work; `--` ends the flags. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { paths: [], lang: 'en', grep: null, shard: null, junit: null, list: false, color: true, help: false };
  const errors: string[] = [];
  // The language first, so that an error about another flag is told in it.
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--lang' && (argv[i + 1] === 'nb' || argv[i + 1] === 'en')) options.lang = argv[i + 1] === 'nb' ? 'nb' : 'en';
    if (arg === '--lang=nb') options.lang = 'nb';
  }
  let flags = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!flags || !arg.startsWith('--') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      flags = false;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    let value: string | null = eq === -1 ? null : arg.slice(eq + 1);
    if (VALUED.has(name) && value === null) {
      const next = argv[i + 1];
      if (next === undefined) {
        errors.push(`${name} needs a value`);
        continue;
      }
      value = next;
      i++;
    } else if (!VALUED.has(name) && value !== null) {
      errors.push(`${name} takes no value`);
      continue;
    }
    switch (name) {
      case '--lang':
        if (value === 'en' || value === 'nb') options.lang = value;
        else errors.push(`--lang must be en or nb, not "${value ?? ''}"`);
        break;
      case '--grep': {
        const grep = parseGrep(value ?? '');
        if (typeof grep === 'string') errors.push(`--grep: ${grep}`);
        else options.grep = grep;
        break;
      }
      case '--shard': {
        const shard = parseShard(value ?? '');
        if (typeof shard === 'string') errors.push(`--shard: ${shard}`);
        else options.shard = shard;
        break;
      }
      case '--junit':
        if (value) options.junit = value;
        else errors.push('--junit needs a file name');
        break;
      case '--list':
        options.list = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '--help':
        options.help = true;
        break;
      default:
        errors.push(`unknown option ${name}`);
    }
  }
  return errors.length === 0 ? { ok: true, options } : { ok: false, error: errors.join('; '), lang: options.lang };
}

/**
 * Whether to colour the output: only on a terminal, and never with --no-color, NO_COLOR (https://no-color.org: any
 * non-empty value) or CI set.
 */
export function useColor(flag: boolean, isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (!flag || !isTTY) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0') return false;
  return true;
}
