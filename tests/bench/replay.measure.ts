// Issue 10's scrub budget alone (npx vitest run --config vitest.bench.config.ts tests/bench/replay.measure.ts): any moment of a 10,000-entry sandbox in <= 100 ms. npm run bench measures it too, in budgets.measure.ts.
import { it } from 'vitest';
import { agedJournal } from './aged-journal';
import { measureScrub } from './replay-scrub';

it('measures scrubbing a 10,000-entry sandbox', async () => {
  const { entries } = agedJournal(10_000);
  console.log(JSON.stringify(await measureScrub(entries), null, 2));
}, 600_000);
