// The Code app's view helpers: the links told as blocked counts (R-UBC-5) and a code's timing, when it changes and how long it is accepted (R-OTP-1, R-VER-7, R-UBC-4).
import { describe, it, expect } from 'vitest';
import { codeTiming, linkSummary, policy } from '../../src/domain';
import type { AppScreen } from '../../src/domain';

const link = (orgName: string, blocked: boolean) => ({ orgId: orgName.toLowerCase(), orgName, blocked });
const STEP = policy.OFFLINE_STEP_MS;
/** A phone time 7 s into a 30-s step. */
const T0 = 1_767_603_600_000 + 7_000;

describe('linkSummary: how many organizations are blocked, and which (R-BLK-1, R-UBC-5)', () => {
  const cases = [
    { name: 'no link', links: [], want: { linked: 0, blocked: 0, blockedNames: [], state: 'none' } },
    { name: 'three open', links: [link('A', false), link('B', false), link('C', false)], want: { linked: 3, blocked: 0, blockedNames: [], state: 'open' } },
    { name: 'all three blocked: the PIN is blocked', links: [link('A', true), link('B', true), link('C', true)], want: { linked: 3, blocked: 3, blockedNames: ['A', 'B', 'C'], state: 'all-blocked' } },
    { name: 'one of three unblocked: partly unblocked', links: [link('A', false), link('B', true), link('C', true)], want: { linked: 3, blocked: 2, blockedNames: ['B', 'C'], state: 'partly-unblocked' } },
  ] as const;
  for (const { name, links, want } of cases) it(name, () => expect(linkSummary(links)).toEqual(want));
});

describe('codeTiming: when the code changes and how long the server accepts it', () => {
  it('R-OTP-1 an online code never changes and is accepted 120 s from when it was shown', () => {
    const screen: AppScreen = { kind: 'online-code', code: '123456', shownAt: T0, validForMs: policy.ONLINE_CODE_VALIDITY_MS };
    expect(codeTiming(screen, T0 + 30_000)).toEqual({ changesInMs: null, acceptedForMs: 120_000, acceptedLeftMs: 90_000 });
    expect(codeTiming(screen, T0 + 120_000)).toBeNull();
  });

  it('R-OTP-2, R-VER-7 an 8-digit code changes at the next 30-s step and is accepted 120 s from its step start (default window)', () => {
    const firstStep = Math.floor(T0 / STEP);
    const screen: AppScreen = { kind: 'offline-code', firstStep, codes: ['11111111', '22222222'] };
    expect(codeTiming(screen, T0)).toEqual({ changesInMs: 23_000, acceptedForMs: policy.DEFAULT_OFFLINE_WINDOW_BACK_MS, acceptedLeftMs: 113_000 });
    expect(codeTiming(screen, T0 + 30_000)).toEqual({ changesInMs: 23_000, acceptedForMs: 120_000, acceptedLeftMs: 113_000 });
    expect(codeTiming(screen, T0 + 60_000)).toBeNull();
  });

  it('R-UBC-4 a 9-digit offline unblock code changes every 30 s and is accepted 120 s on the server', () => {
    const firstStep = Math.floor(T0 / STEP);
    const screen: AppScreen = { kind: 'unblock-offline-code', orgId: 'acme', firstStep, codes: ['123456789'] };
    expect(codeTiming(screen, T0 + 20_000)).toEqual({ changesInMs: 3_000, acceptedForMs: policy.UNBLOCK_CODE_VALIDITY_MS, acceptedLeftMs: 93_000 });
  });

  it('no code on the screen, no timing', () => expect(codeTiming({ kind: 'pin' }, T0)).toBeNull());
});
