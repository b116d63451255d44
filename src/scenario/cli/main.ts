// The headless runner from its arguments to its exit code. Everything outside (files, the clock, the terminal) comes
// in through CliIo, so tests can run it in process; scripts/scenarios.ts wires it to Node.
import { parseScenarioFile } from '../gherkin';
import type { LoadedScenario } from '../load';
import { runScenario } from '../run';
import { parseArgs, useColor } from './args';
import { WORDS } from './catalogue';
import { junitXml } from './junit';
import { PrettyPrinter, paint } from './pretty';
import { EXIT, exitCode, tally } from './report';
import type { RunRecord } from './report';
import { findScenarioFiles, grepTitle, shardFiles } from './select';
import type { FileTree } from './select';

export interface CliIo {
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal. */
  isTTY: boolean;
  /** What runs when no file is named: the built-in library. */
  defaultPaths: readonly string[];
  tree: FileTree;
  readText(path: string): string;
  writeText(path: string, text: string): void;
  /** A line to standard output. */
  out(line: string): void;
  /** A line to standard error. */
  err(line: string): void;
  /** Wall time, milliseconds since the epoch. */
  now(): number;
}

export function runCli(io: CliIo): number {
  const parsed = parseArgs(io.args);
  if (!parsed.ok) {
    io.err(`${parsed.error}\n`);
    io.err(WORDS[parsed.lang].usage);
    return EXIT.invalid;
  }
  const { options } = parsed;
  const { lang } = options;
  const words = WORDS[lang];
  if (options.help) {
    io.out(words.usage);
    return EXIT.passed;
  }

  const found = findScenarioFiles(options.paths.length ? options.paths : io.defaultPaths, io.tree);
  if (!found.ok) {
    for (const path of found.missing) io.err(words.noSuchPath(path));
    if (found.empty.length) io.err(words.noFiles(found.empty.join(', ')));
    return EXIT.invalid;
  }
  const files = options.shard ? shardFiles(found.files, options.shard) : found.files;
  if (options.shard) io.out(words.shard(options.shard.index, options.shard.total, files.length, found.files.length));

  // Every file is read and checked before anything runs: one invalid file runs nothing.
  const errors: string[][] = [];
  let scenarios: LoadedScenario[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = io.readText(file);
    } catch (error) {
      errors.push([`${file}: ${error instanceof Error ? error.message : String(error)}`]);
      continue;
    }
    const loaded = parseScenarioFile(file, text);
    if (loaded.ok) scenarios.push(...loaded.scenarios);
    else errors.push(loaded.errors);
  }
  if (errors.length) {
    for (const line of errors.flat()) io.err(line);
    io.err(words.invalidFiles(errors.length));
    return EXIT.invalid;
  }

  if (options.grep) {
    const grep = options.grep;
    const all = scenarios.length;
    scenarios = scenarios.filter((loaded) => grepTitle(grep, loaded.scenario.title));
    io.out(words.grepped(scenarios.length, all, grep.source));
  }

  const printer = new PrettyPrinter(io.out, lang, paint(useColor(options.color, io.isTTY, io.env)));
  if (options.list) {
    for (const loaded of scenarios) {
      printer.scenario(loaded);
      for (const step of loaded.scenario.steps) printer.listed(step);
    }
    io.out('');
    io.out(words.scenarios(scenarios.length));
    return EXIT.passed;
  }
  if (scenarios.length === 0) io.out(words.noneSelected);

  const started = io.now();
  const records: RunRecord[] = [];
  for (const loaded of scenarios) {
    printer.scenario(loaded);
    const begin = io.now();
    let record: RunRecord;
    try {
      const run = runScenario(loaded.scenario, { lang, onStep: (outcome) => printer.step(outcome) });
      record = { loaded, run, crash: null, ms: io.now() - begin };
    } catch (error) {
      // Not a step that could not run (those are StepErrors, reported by the run) but the runner itself failing.
      const crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
      record = { loaded, run: null, crash, ms: io.now() - begin };
    }
    printer.scenarioEnd(record);
    records.push(record);
  }
  const ms = io.now() - started;
  printer.summary(tally(records), ms);

  if (options.junit) {
    io.writeText(options.junit, junitXml(records, { name: 'scenarios', lang, timestamp: new Date(started).toISOString(), ms }));
    io.out(words.junitWritten(options.junit));
  }
  return exitCode(records);
}
