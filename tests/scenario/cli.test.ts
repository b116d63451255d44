// The headless runner end to end: `tsx scripts/scenarios.ts` as a child process (exit codes, the failure report, an
// invalid file, the JUnit file), and runCli in process on the same fixture files (shards, grep, Norwegian, --list).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/scenario/cli/main';
import { parseXml } from './xml';

const FIXTURES = 'tests/scenario/fixtures';
const TSX = 'node_modules/.bin/tsx';

/** Runs the CLI as `npm run scenarios` does; never in colour (CI may or may not be set where the tests run). */
function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(TSX, ['scripts/scenarios.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    // execFileSync throws on a non-zero exit with the status and both outputs on the error.
    const failed = error as { status: number | null; stdout: string; stderr: string };
    return { code: failed.status ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** runCli in this process on the real files. */
function inProcess(args: string[]): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli({
    args,
    env: {},
    isTTY: false,
    defaultPaths: [FIXTURES],
    tree: {
      kind(path) {
        try {
          const stat = statSync(path);
          return stat.isDirectory() ? 'dir' : 'file';
        } catch {
          return null;
        }
      },
      list: (dir) => readdirSync(dir),
    },
    readText: (path) => readFileSync(path, 'utf8'),
    writeText: () => {
      throw new Error('not in these tests');
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => 0,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The scenario titles a run printed, in order. */
const titles = (stdout: string) => [...stdout.matchAll(/^Scenario: (.*)$/gm)].map((match) => match[1]);

describe('npm run scenarios (child process)', () => {
  it('passes a folder of JSON and .feature files, prints each step, exits 0 and writes JUnit XML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    try {
      const junit = join(dir, 'reports', 'junit.xml');
      const run = cli([`${FIXTURES}/pass`, '--junit', junit]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toContain('\u001b[');
      expect(run.stdout).toContain('✔ "Ingrid" enters PIN "1111"');
      expect(run.stdout).toContain('✔ "ingrid" logs in at "Acme VPN" with the code "{code}"');
      expect(run.stdout).toMatch(/^3 scenarios \(3 passed\)$/m);
      expect(run.stdout).toMatch(/^\d+ steps \(\d+ passed\)$/m);
      const suite = parseXml(readFileSync(junit, 'utf8'));
      expect(suite.attributes).toMatchObject({ tests: '3', failures: '0', errors: '0', skipped: '0' });
      expect(suite.children.map((c) => c.attributes.classname)).toEqual([
        `${FIXTURES}/pass/three-wrong-pins.feature`,
        `${FIXTURES}/pass/three-wrong-pins.scenario.json`,
        `${FIXTURES}/pass/tre-feil-pin.feature`,
      ]);
      expect(suite.children[1]?.attributes.name).toBe('Three wrong PINs, online unblock');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 on a failing expectation and reports the step, expected and actual (in Norwegian with --lang nb)', () => {
    const run = cli(['--lang', 'nb', `${FIXTURES}/fail/wrong-expectation.scenario.json`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Scenario: Én feil PIN som ventes å sperre');
    expect(run.stdout).toMatch(/✘ "Ingrid" skriver inn PIN "1112"\n\s+→ "Ingrid" sier at PIN er sperret\n\s+✘ Ingrid's phone: PIN sperret\n\s+forventet: true\n\s+faktisk: +false/);
    expect(run.stdout).toContain('- "Ingrid" skriver inn PIN "1113" (hoppet over)');
    expect(run.stdout).toContain('Siste oppføringer i hendelsesloggen');
    expect(run.stdout).toMatch(/^1 scenario \(1 feilet\)$/m);
    expect(run.stdout).toMatch(/^3 steg \(1 bestått, 1 feilet, 1 hoppet over\)$/m);
  });

  it('exits 2 on invalid files, naming file, step and field of each, and runs nothing', () => {
    const run = cli([`${FIXTURES}/pass`, `${FIXTURES}/invalid`]);
    expect(run.code).toBe(2);
    expect(run.stdout).not.toContain('Scenario:');
    expect(run.stderr).toContain(`${FIXTURES}/invalid/bad.scenario.json: steps[0] (enter PIN).pin: Invalid type: Expected string but received 1234`);
    expect(run.stderr).toMatch(/invalid\/bad\.scenario\.json: steps\[2\] \(enter UBC\)\S*: unknown field "bogus"/);
    expect(run.stderr).toContain(`${FIXTURES}/invalid/unknown-step.feature:5: no step matches`);
    expect(run.stderr).toContain('2 files are invalid; nothing was run.');
  });
});

describe('runCli (in process, on the fixture files)', () => {
  it('exits 2 with the usage on wrong arguments and on a path that is not there', () => {
    const wrong = inProcess(['--shard', '3/2']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--shard: I must be from 1 to 2');
    expect(wrong.stderr).toContain('Usage: npm run scenarios');
    const missing = inProcess([`${FIXTURES}/nope`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`No such file or folder: ${FIXTURES}/nope`);
  });

  it('exits 1 when a step cannot run, naming why', () => {
    const run = inProcess([`${FIXTURES}/fail/unknown-phone.scenario.json`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('! "Nobody" enters PIN "1234" (could not run)');
    expect(run.stdout).toContain('The step could not run: There is no phone "Nobody"');
  });

  it('shards split the files: every file in exactly one of N runs', () => {
    const valid = [`${FIXTURES}/pass`, `${FIXTURES}/fail`];
    const all = titles(inProcess([...valid, '--list']).stdout);
    expect(all).toHaveLength(5);
    for (const total of [2, 3]) {
      const parts = Array.from({ length: total }, (_v, i) => titles(inProcess([...valid, '--list', '--shard', `${i + 1}/${total}`]).stdout));
      expect(parts.flat().sort()).toEqual([...all].sort());
    }
  });

  it('--grep picks scenarios by title in either language, text or /regex/', () => {
    const english = inProcess([`${FIXTURES}/pass`, `${FIXTURES}/fail`, '--grep', 'PINs, ONLINE']);
    expect(titles(english.stdout)).toEqual(['Three wrong PINs, online unblock']);
    expect(english.code).toBe(0);
    const norwegian = inProcess([`${FIXTURES}/pass`, `${FIXTURES}/fail`, '--grep', '/^opplåsing/i']);
    expect(titles(norwegian.stdout)).toEqual(['Opplåsing på nett']);
    const both = inProcess([`${FIXTURES}/pass`, `${FIXTURES}/fail`, '--grep', 'sperre', '--list']);
    expect(titles(both.stdout)).toEqual(['A wrong PIN <expected> to block at once & fails']);
  });

  it('--list prints scenarios and steps without running them', () => {
    const run = inProcess([`${FIXTURES}/pass/tre-feil-pin.feature`, '--list', '--lang', 'nb']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('    "Ingrid" skriver inn PIN "1111"\n      → "Ingrid" viser 2 forsøk igjen');
    expect(run.stdout).not.toContain('✔');
  });
});
