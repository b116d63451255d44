// npm run scenarios -- [options] [files or folders]: runs scenario files in Node, no browser (src/scenario/cli).
// Only the wiring to Node lives here: argv, the file system, standard output and the exit code.
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/scenario/cli/main';

const library = resolve(dirname(fileURLToPath(import.meta.url)), '../src/scenario/library');
const shown = relative(process.cwd(), library) || '.';

// Output piped into `head` and the like: stop quietly when the reader goes away.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const code = runCli({
  args: process.argv.slice(2),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  defaultPaths: [shown.startsWith('..') ? library : shown],
  tree: {
    kind(path) {
      try {
        const stat = statSync(path);
        return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : null;
      } catch {
        return null;
      }
    },
    list: (dir) => readdirSync(dir),
  },
  readText: (path) => readFileSync(path, 'utf8'),
  writeText(path, text) {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, text);
  },
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => Date.now(),
});
process.exitCode = code;
