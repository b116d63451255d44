// The headless runner's pure parts (src/scenario/cli): arguments, colour, finding files, shards, grep, step lines,
// XML escaping and the JUnit report, without a process or a file system.
import { describe, expect, it } from 'vitest';
import { parseArgs, useColor } from '../../src/scenario/cli/args';
import { findScenarioFiles, parseGrep, parseShard, shardFiles, grepTitle } from '../../src/scenario/cli/select';
import type { FileTree, Grep, Shard } from '../../src/scenario/cli/select';
import { stepLine, expectationLines } from '../../src/scenario/cli/describe';
import { escapeAttribute, escapeText, junitXml } from '../../src/scenario/cli/junit';
import { exitCode, summaryLines, tally } from '../../src/scenario/cli/report';
import type { RunRecord } from '../../src/scenario/cli/report';
import { WORDS } from '../../src/scenario/cli/catalogue';
import { parseScenarioJson } from '../../src/scenario/load';
import type { LoadedScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/run';
import type { Step } from '../../src/scenario/format';
import { parseXml } from './xml';

function ok<T>(value: T | string): T {
  if (typeof value === 'string') throw new Error(value);
  return value;
}

/** A file tree from a list of file paths. */
function tree(files: readonly string[]): FileTree {
  const dirs = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    kind: (path) => (files.includes(path) ? 'file' : dirs.has(path) ? 'dir' : null),
    list: (dir) => [...new Set([...files, ...dirs].filter((path) => path.startsWith(`${dir}/`)).map((path) => path.slice(dir.length + 1).split('/')[0] ?? ''))],
  };
}

describe('arguments', () => {
  it('reads files, flags and values in both forms', () => {
    const parsed = parseArgs(['a.feature', '--lang', 'nb', '--grep=/PIN/i', '--shard', '2/3', '--junit', 'out/j.xml', '--list', '--no-color', 'dir']);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.options).toMatchObject({ paths: ['a.feature', 'dir'], lang: 'nb', shard: { index: 2, total: 3 }, junit: 'out/j.xml', list: true, color: false });
    expect(parsed.options.grep?.source).toBe('/PIN/i');
  });
  it('refuses unknown flags, missing values and bad shards, in the language asked for', () => {
    for (const argv of [['--bogus'], ['--lang', 'de'], ['--shard', '0/2'], ['--shard', '3/2'], ['--shard', 'x'], ['--junit'], ['--grep', '/(/'], ['--list=yes']]) {
      expect(parseArgs(argv).ok, argv.join(' ')).toBe(false);
    }
    const nb = parseArgs(['--lang', 'nb', '--bogus']);
    expect(nb.ok === false && nb.lang).toBe('nb');
  });
  it('takes everything after -- as a path', () => {
    const parsed = parseArgs(['--', '--list']);
    expect(parsed.ok && parsed.options.paths).toEqual(['--list']);
  });
  it('colours only a terminal, and never with --no-color, NO_COLOR or CI', () => {
    expect(useColor(true, true, {})).toBe(true);
    expect(useColor(true, false, {})).toBe(false);
    expect(useColor(false, true, {})).toBe(false);
    expect(useColor(true, true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(true, true, { CI: 'true' })).toBe(false);
    expect(useColor(true, true, { NO_COLOR: '' })).toBe(true);
  });
});

describe('finding files', () => {
  const files = ['lib/b.feature', 'lib/a.scenario.json', 'lib/sub/c.feature', 'lib/notes.md', 'lib/x.json', 'lib/.hidden/d.feature', 'one.json'];
  it('searches folders recursively for *.scenario.json and *.feature, sorted, each once; takes a named file as given', () => {
    expect(findScenarioFiles(['lib', 'lib/b.feature', 'one.json'], tree(files))).toEqual({ ok: true, files: ['lib/a.scenario.json', 'lib/b.feature', 'lib/sub/c.feature', 'one.json'] });
  });
  it('names paths that are not there and folders without scenario files', () => {
    expect(findScenarioFiles(['lib', 'nope', 'lib/sub/'], tree(['lib/a.feature', 'lib/sub/readme.md']))).toEqual({ ok: false, missing: ['nope'], empty: ['lib/sub/'] });
  });
});

describe('shards', () => {
  const files = Array.from({ length: 23 }, (_v, i) => `cases/${String.fromCharCode(97 + ((i * 7) % 26))}${i}.feature`);
  it('partition the files for every N: together all of them, no file twice, sizes within one', () => {
    for (let total = 1; total <= 8; total++) {
      const parts = Array.from({ length: total }, (_v, i) => shardFiles(files, { index: i + 1, total }));
      const all = parts.flat();
      expect(all.length).toBe(files.length);
      expect(new Set(all)).toEqual(new Set(files));
      const sizes = parts.map((part) => part.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
  it('do not depend on the order the files were found in', () => {
    const shard: Shard = { index: 2, total: 3 };
    expect(shardFiles([...files].reverse(), shard)).toEqual(shardFiles(files, shard));
  });
  it('parse I/N', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, total: 1 });
    expect(typeof parseShard('1/0')).toBe('string');
  });
});

describe('grep', () => {
  const title = { en: 'Three wrong PINs', nb: 'Tre feil PIN' };
  const grep = (text: string): Grep => ok(parseGrep(text));
  it('matches text in either language, any case', () => {
    expect(grepTitle(grep('wrong pin'), title)).toBe(true);
    expect(grepTitle(grep('feil'), title)).toBe(true);
    expect(grepTitle(grep('offline'), title)).toBe(false);
  });
  it('matches /regular expressions/ with flags', () => {
    expect(grepTitle(grep('/^tre\\b/i'), title)).toBe(true);
    expect(grepTitle(grep('/^tre\\b/'), title)).toBe(false);
  });
});

describe('step lines', () => {
  const step = (data: Record<string, unknown>): Step => {
    const loaded = parseScenarioJson('t.json', JSON.stringify({ format: 'code-sandbox-scenario', version: 1, title: { en: 't', nb: 't' }, description: { en: 'd', nb: 'd' }, seed: 's', steps: [data] }));
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const [first] = loaded.scenarios[0]?.scenario.steps ?? [];
    if (!first) throw new Error('no step');
    return first;
  };
  it('fill the action template of the language with the step values', () => {
    const enter = step({ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin: '1111', keep: { code: 'c' } });
    expect(stepLine(enter, 'en')).toBe('"Ingrid" enters PIN "1111", kept as "c"');
    expect(stepLine(enter, 'nb')).toBe('"Ingrid" skriver inn PIN "1111", lagret som "c"');
    expect(stepLine(step({ actor: 'lab', action: 'advance the clock', by: '2 min' }), 'en')).toBe('the clock advances "2 min"');
    expect(stepLine(step({ actor: { admin: 'anna.admin' }, action: 'add access server', name: 'Citrix', offlineAllowed: false }), 'en')).toBe('"anna.admin" adds the access server "Citrix" that allows no offline codes');
    expect(stepLine(step({ actor: { phone: 'Ingrid' }, action: 'set first PIN', pin: '1234', repeat: '1235' }), 'en')).toBe('"Ingrid" sets the first PIN "1234" repeated as "1235"');
  });
  it('say the values no template states', () => {
    expect(stepLine(step({ actor: 'lab', action: 'add user to directory', org: 'Acme Corp', username: 'nora', appId: 'A-1' }), 'en')).toBe('lab: add user to directory (org "Acme Corp", username "nora", appId "A-1")');
  });
  it('state expectations with the fewest templates', () => {
    expect(expectationLines({ phone: { of: 'Ingrid', notice: 'wrong-pin', attemptsRemaining: 2 } }, 'en')).toEqual(['"Ingrid" shows the message "wrong-pin"', '"Ingrid" shows 2 attempts remaining']);
    expect(expectationLines({ user: { org: 'Acme Corp', username: 'ingrid', blocked: true, cause: 'pin-attempts' } }, 'nb')).toEqual(['Manager viser "ingrid" i "Acme Corp" som sperret av "pin-attempts"']);
    expect(expectationLines({ login: 'accepted' }, 'nb')).toEqual(['innloggingen godtas']);
    expect(expectationLines({ eventLog: { org: 'Acme Corp', type: 'Access_Granted', username: 'ingrid', count: 1 } }, 'en')).toEqual(['the event log of "Acme Corp" has "Access_Granted" for "ingrid" (count 1)']);
    expect(expectationLines({ auditLog: { org: 'Acme Corp', count: 1 } }, 'nb')).toEqual(['revisjonsloggen til "Acme Corp" (count 1)']);
  });
});

describe('XML escaping', () => {
  it('escapes markup, keeps line breaks in attributes, and replaces characters XML 1.0 forbids', () => {
    const nasty = 'a < b && "c" \'d\' ]]> \u0000\u0007\u001b[31m\uFFFE \uD800 end\r\n\ttab 😀';
    const text = escapeText(nasty);
    const attribute = escapeAttribute(nasty);
    const doc = parseXml(`<r a="${attribute}">${text}</r>`);
    expect(doc.text).toBe('a < b && "c" \'d\' ]]> \\u{0000}\\u{0007}\\u{001B}[31m\\u{FFFE} \\u{D800} end\r\n\ttab 😀');
    expect(doc.attributes.a).toBe(doc.text);
    expect(text).not.toContain(']]>');
  });
});

describe('the JUnit report and the exit code', () => {
  const load = (title: string, pin: string, blocked: boolean): LoadedScenario => {
    const loaded = parseScenarioJson(
      `cases/${title}.scenario.json`,
      JSON.stringify({
        format: 'code-sandbox-scenario', version: 1, title: { en: title, nb: `${title} (nb)` }, description: { en: 'd', nb: 'd' }, seed: title,
        steps: [{ actor: { phone: 'Ingrid' }, action: 'enter PIN', pin, expect: [{ phone: { of: 'Ingrid', pinBlocked: blocked } }] }, { actor: { phone: 'Ingrid' }, action: 'go back' }],
      }),
    );
    if (!loaded.ok || !loaded.scenarios[0]) throw new Error(loaded.ok ? 'none' : loaded.errors.join('\n'));
    return loaded.scenarios[0];
  };
  const record = (loaded: LoadedScenario): RunRecord => ({ loaded, run: runScenario(loaded.scenario), crash: null, ms: 12 });
  const records = [record(load('passes <&>', '1234', false)), record(load('fails', '1111', true)), { loaded: load('crashes', '1234', false), run: null, crash: 'boom\u0001', ms: 1 }];

  it('has one testsuite with the counts and one testcase per scenario', () => {
    const xml = junitXml(records, { name: 'scenarios', lang: 'en', timestamp: '2026-01-05T09:00:00.000Z', ms: 1234 });
    const suite = parseXml(xml);
    expect(suite.name).toBe('testsuite');
    expect(suite.attributes).toMatchObject({ tests: '3', failures: '1', errors: '1', skipped: '0', time: '1.234' });
    expect(suite.children.map((c) => [c.name, c.attributes.classname, c.attributes.name])).toEqual([
      ['testcase', 'cases/passes <&>.scenario.json', 'passes <&>'],
      ['testcase', 'cases/fails.scenario.json', 'fails'],
      ['testcase', 'cases/crashes.scenario.json', 'crashes'],
    ]);
    const [passed, failed, crashed] = suite.children;
    expect(passed?.children.map((c) => c.name)).toEqual(['system-out']);
    const failure = failed?.children.find((c) => c.name === 'failure');
    expect(failure?.attributes.type).toBe('expectation');
    expect(failure?.attributes.message).toContain('"Ingrid" enters PIN "1111"');
    expect(failure?.attributes.message).toContain('PIN blocked: expected true, actual false');
    expect(failed?.children.find((c) => c.name === 'system-out')?.text).toMatch(/"Ingrid" enters PIN "1111"\.+failed[\s\S]*"Ingrid" goes back\.+skipped/);
    expect(crashed?.children.find((c) => c.name === 'error')?.attributes.message).toBe('boom\\u{0001}');
  });

  it('names the titles in the language asked for', () => {
    const suite = parseXml(junitXml(records, { name: 's', lang: 'nb', timestamp: 't', ms: 0 }));
    expect(suite.children[1]?.attributes.name).toBe('fails (nb)');
  });

  it('counts and ends with 1 when one did not pass, 0 when all did', () => {
    const totals = tally(records);
    expect(totals.scenarios).toEqual({ all: 3, passed: 1, failed: 1, error: 1 });
    expect(totals.steps).toEqual({ all: 4, passed: 2, failed: 1, error: 0, skipped: 1 });
    expect(exitCode(records)).toBe(1);
    expect(exitCode(records.slice(0, 1))).toBe(0);
    expect(summaryLines(totals, 1500, 'nb')).toEqual(['3 scenarioer (1 bestått, 1 feilet, 1 kunne ikke kjøres)', '4 steg (2 bestått, 1 feilet, 1 hoppet over)', '1,500 s']);
  });

  it('has the same words in both catalogues', () => {
    expect(Object.keys(WORDS.nb).sort()).toEqual(Object.keys(WORDS.en).sort());
  });
});
