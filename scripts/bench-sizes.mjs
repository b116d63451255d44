// Size budgets (issue 11): the first-load JavaScript and CSS of the built app, gzip -9, against 90 kB and 15 kB.
// First load = the entry script, every module it preloads and every stylesheet index.html links: what a first visit
// fetches before anything is used. Lazy chunks (replay, training, the recorder, import, the scenario code) are listed
// apart. Part of `npm run bench`; merges into bench/results.json under "sizes".
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const OUT = 'test-results/dist-sizes';
const RESULTS = 'bench/results.json';
const BUDGET_JS = 90_000;
const BUDGET_CSS = 15_000;

execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', OUT, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
const html = readFileSync(join(OUT, 'index.html'), 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
const gz = (file) => gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length;
const sized = (files) => files.map((file) => ({ file, gzip: gz(file) })).sort((a, b) => b.gzip - a.gzip);
const firstJs = sized(first.filter((file) => file.endsWith('.js')));
const firstCss = sized(first.filter((file) => file.endsWith('.css')));
const lazy = sized(readdirSync(join(OUT, 'assets')).map((name) => `assets/${name}`).filter((file) => /\.(js|css)$/.test(file) && !first.includes(file)));
const sum = (list) => list.reduce((total, item) => total + item.gzip, 0);
const js = sum(firstJs);
const css = sum(firstCss);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

console.log('\nFirst-load sizes (gzip -9): npm run bench (scripts/bench-sizes.mjs)');
console.log(`  JavaScript ${kb(js).padStart(9)}  budget ${kb(BUDGET_JS)}  ${js <= BUDGET_JS ? 'met' : 'NOT met'}`);
for (const item of firstJs) console.log(`    ${kb(item.gzip).padStart(9)}  ${item.file}`);
console.log(`  CSS        ${kb(css).padStart(9)}  budget ${kb(BUDGET_CSS)}  ${css <= BUDGET_CSS ? 'met' : 'NOT met'}`);
console.log(`  loaded when first used: ${lazy.length} files, ${kb(sum(lazy))}; the largest:`);
for (const item of lazy.slice(0, 8)) console.log(`    ${kb(item.gzip).padStart(9)}  ${item.file}`);

const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
mkdirSync('bench', { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify({
  ...previous,
  sizes: {
    measuredAt: new Date().toISOString(),
    command: 'npm run bench (scripts/bench-sizes.mjs)',
    firstLoadJsGzip: js, budgetJs: BUDGET_JS, jsMet: js <= BUDGET_JS,
    firstLoadCssGzip: css, budgetCss: BUDGET_CSS, cssMet: css <= BUDGET_CSS,
    firstLoad: [...firstJs, ...firstCss],
    lazyGzip: sum(lazy), lazyFiles: lazy.length,
  },
}, null, 2)}\n`);
