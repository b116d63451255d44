// Speed of the one-time-code crypto (npm run bench): the project measures speed here, never in a timed test.
import { bench, describe } from 'vitest';
import { hexToBytes } from './bytes';
import { hotp } from './hotp';
import { makeOfflineCodeVerifier, offlineCode, PIN_SPACE } from './offline-code';
import { makeOfflineUnblockCode, openOfflineUnblockCode } from './offline-unblock';
import { openPin, PIN_NONCE_BYTES, sealPin, SERVER_KEY_BYTES } from './pin-vault';
import { UNBLOCK_CODE_AHEAD_MS, UNBLOCK_CODE_VALIDITY_MS } from '../policy';
import { windowSteps } from '../server/windows';

const DEVICE_KEY = hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const APP_ID = '1234567890';
/** 2025-01-01T00:00:00Z in 30-s steps. */
const STEP = 57_856_320;
/** R-VER-7: five 30-s steps, as many as the default offline window (120 s back, 30 s ahead) spans. */
const FIND_PIN_STEPS = [STEP - 3, STEP - 2, STEP - 1, STEP, STEP + 1];

describe('R-OTP-2 offline code', () => {
  bench('offlineCode (one OCRA-SHA256 code)', () => {
    offlineCode(DEVICE_KEY, APP_ID, '4821', STEP);
  });
});

describe('R-VER-7 findPin', () => {
  // Warm: the verifier and the shared PIN hash table are built before the timing starts.
  const verifier = makeOfflineCodeVerifier(DEVICE_KEY, APP_ID);
  // The last PIN at the last step; findPin scans the whole space whatever the match, so any code costs the same.
  const code = offlineCode(DEVICE_KEY, APP_ID, '9999', STEP + 1);
  if (verifier.findPin(code, FIND_PIN_STEPS)?.pin !== '9999') throw new Error('findPin bench setup: no match');

  bench(
    `findPin over ${FIND_PIN_STEPS.length} steps x ${PIN_SPACE.toLocaleString('en')} PINs (warm)`,
    () => {
      verifier.findPin(code, FIND_PIN_STEPS);
    },
    { time: 3_000, warmupIterations: 3 },
  );
});

describe('R-VER-7 findPin at the widest window, findStep over the drift range', () => {
  const verifier = makeOfflineCodeVerifier(DEVICE_KEY, APP_ID);
  // R-VER-7: 300 s back and 60 s ahead (policy MAX_OFFLINE_WINDOW_BACK_MS / AHEAD_MS): 12 steps.
  const wide = Array.from({ length: 12 }, (_, i) => STEP - 9 + i);
  // R-CLK-2: ±24 h of steps around STEP, nearest first, as driftSteps gives them (5,761 steps).
  const drift = [STEP];
  for (let distance = 1; distance <= 2_880; distance++) drift.push(STEP - distance, STEP + distance);
  const code = offlineCode(DEVICE_KEY, APP_ID, '9999', STEP + 2);
  if (verifier.findPin(code, wide)?.pin !== '9999' || verifier.findStep('9999', code, drift) !== STEP + 2) {
    throw new Error('findPin / findStep bench setup: no match');
  }

  bench(`findPin over ${wide.length} steps x ${PIN_SPACE.toLocaleString('en')} PINs (warm)`, () => {
    verifier.findPin(code, wide);
  }, { time: 3_000, warmupIterations: 3 });
  bench(`findStep over ${drift.length.toLocaleString('en')} steps (±24 h, one PIN)`, () => {
    verifier.findStep('9999', code, drift);
  });
});

describe('R-UBC-4 offline unblock code', () => {
  const link = { deviceKey: DEVICE_KEY, orgId: 'org-alpha', ubc: '123456789' } as const;
  const steps = windowSteps(STEP * 30_000, UNBLOCK_CODE_VALIDITY_MS, UNBLOCK_CODE_AHEAD_MS);
  const code = makeOfflineUnblockCode({ ...link, newPin: '4821', step: STEP });
  if (steps.length !== 5) throw new Error('openOfflineUnblockCode bench setup: window is not 5 steps');

  bench('openOfflineUnblockCode over a 5-step window', () => {
    openOfflineUnblockCode({ ...link, code, steps });
  });
});

describe('R-SEC-1 PIN vault', () => {
  const serverKey = new Uint8Array(SERVER_KEY_BYTES).fill(7);
  const context = new Uint8Array(PIN_NONCE_BYTES).fill(9);
  const holder = '+41790000001';
  const sealed = sealPin(serverKey, '4821', holder, context);

  bench('sealPin (XChaCha20-Poly1305, synthetic nonce: 2 HMAC-SHA256)', () => {
    sealPin(serverKey, '4821', holder, context);
  });
  bench('openPin (XChaCha20-Poly1305)', () => {
    openPin(serverKey, sealed, holder);
  });
});

describe('RFC 4226 HOTP', () => {
  const key = hexToBytes('3132333435363738393031323334353637383930'); // RFC 4226 Appendix D secret
  bench('hotp (HMAC-SHA1, 6 digits)', () => {
    hotp(key, 1);
  });
});
