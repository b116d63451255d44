// Slow suite (npm run test:slow): the empirical false-accept rate of random offline unblock codes (R-UBC-4).
import { describe, expect, it } from 'vitest';
import { makeSeededRandom } from '../random';
import { UNBLOCK_CODE_AHEAD_MS, UNBLOCK_CODE_VALIDITY_MS } from '../policy';
import { windowSteps } from '../server/windows';
import { hexToBytes } from './bytes';
import { openOfflineUnblockCode } from './offline-unblock';

const CODES = 200_000;
const LINK = {
  deviceKey: hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'),
  orgId: 'org-alpha',
  ubc: '123456789',
} as const;

describe('R-UBC-4 a random 9-digit code passes with probability at most 1 in 10,000', () => {
  it(`${CODES} seeded random codes against a 5-step window pass about 10 times, well under 40`, () => {
    const random = makeSeededRandom('offline-unblock false accepts');
    const steps = windowSteps(1_700_000_000_000, UNBLOCK_CODE_VALIDITY_MS, UNBLOCK_CODE_AHEAD_MS); // the server's window (decide-login)
    expect(steps).toHaveLength(5);
    let accepted = 0;
    for (let i = 0; i < CODES; i++) {
      if (openOfflineUnblockCode({ ...LINK, code: random.digits(9), steps }).ok) accepted++;
    }
    // Expected CODES × 5 × 10^-5 = 10; the 1/10,000 bound would give 20. Poisson(10) exceeds 40 with chance < 10^-12.
    expect(accepted).toBeLessThan(40);
  });
});
