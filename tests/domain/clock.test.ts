// R-CLK: the server clock and the phones' clocks.
import { describe, it, expect } from 'vitest';
import { TestWorld } from './support/test-world';
import { fixtureWorld, MOBILE, PIN, linkEverywhere } from './support/fixture';
import { simulatedNow, initialClock } from '../../src/domain';

describe('R-CLK-1 the server clock is paused, resumed, sped up, stepped, set forward; never back', () => {
  it('R-CLK-1 given a paused clock, when resumed at x60, then simulated time runs 60 times wall time', () => {
    const w = new TestWorld();
    w.ok({ type: 'SetClockSpeed', speed: 60 });
    w.ok({ type: 'ResumeClock' });
    expect(w.state.clock).toMatchObject({ running: true, speed: 60 });
    expect(simulatedNow(w.state.clock, 1_000)).toBe(w.now + 60_000);
    w.ok({ type: 'PauseClock' });
    expect(simulatedNow(w.state.clock, 1_000)).toBe(w.now);
  });

  it('R-CLK-1 when stepped by +30 s, +2 min, +15 min, +1 day, then the clock moves exactly that far', () => {
    const w = new TestWorld();
    const start = w.state.clock.now;
    for (const step of [30_000, 120_000, 900_000, 86_400_000]) w.advance(step);
    expect(w.state.clock.now).toBe(start + 30_000 + 120_000 + 900_000 + 86_400_000);
  });

  it('R-CLK-1 when set back, or stepped by zero or less, then refused naming the field and no event', () => {
    const w = new TestWorld();
    w.advance(60_000);
    for (const command of [
      { type: 'SetClock', toMs: w.now - 1 } as const,
      { type: 'AdvanceClock', byMs: 0 } as const,
      { type: 'AdvanceClock', byMs: -30_000 } as const,
    ]) {
      const { result, events } = w.when(command);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/R-CLK-1/);
      expect(events).toEqual([]);
    }
  });

  it('R-CLK-1 when a command arrives with a time before the clock, then it is refused', () => {
    const w = new TestWorld();
    w.advance(60_000);
    w.now -= 1; // a runtime bug or a tampered journal
    const error = w.refused({ type: 'PauseClock' });
    expect(error.rule).toBe('R-CLK-1');
  });

  it('R-CLK-1 a speed outside x1..x60 is refused', () => {
    const w = new TestWorld();
    expect(w.refused({ type: 'SetClockSpeed', speed: 61 }).field).toBe('speed');
    expect(w.refused({ type: 'SetClockSpeed', speed: 0 }).field).toBe('speed');
    expect(w.state.clock.speed).toBe(initialClock().speed);
  });

  it('R-CLK-1 online code lifetimes run on the server clock, not the wall clock', () => {
    const w = fixtureWorld();
    const code = w.code('alice-phone', PIN.alice);
    w.advance(120_000);
    const { accepted, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(description).toMatch(/^OTP is no longer valid/);
  });
});

describe('R-CLK-2 each phone clock is the server clock plus its own offset', () => {
  it('R-CLK-2 an offline code is computed from phone time and verified against server time', () => {
    const w = fixtureWorld();
    linkEverywhere(w, 'alice');
    w.ok({ type: 'SetPhoneClockOffset', phoneId: 'alice-phone', offsetMs: 10 * 60_000 });
    w.setOnline('alice-phone', false);
    const code = w.code('alice-phone', PIN.alice);
    expect(code).toBe(w.offlineCodeFor('alice-phone', PIN.alice));
    const { accepted, description } = w.login('acme', 'vpn', 'alice', code);
    expect(accepted).toBe(false);
    expect(description).toMatch(/phone time 2026-01-05 09:10:00/);
    expect(w.holder(MOBILE.alice).offlineOutOfWindow).toBe(1);
  });

  it('R-CLK-2 an offset beyond the range the server searches is refused', () => {
    const w = fixtureWorld();
    expect(w.refused({ type: 'SetPhoneClockOffset', phoneId: 'alice-phone', offsetMs: 2 * 86_400_000 }).field).toBe('offsetMs');
  });
});
