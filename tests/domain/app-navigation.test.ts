// The app's Back: only a screen that has one can be left with it, so a scenario step and a person get the same answer.
import { describe, it, expect } from 'vitest';
import { fixtureWorld, PIN } from './support/fixture';
import { hasBack } from '../../src/domain';

describe('Back in the Code app', () => {
  it('is refused on the PIN pad, which has nowhere to go back to, and changes nothing', () => {
    const w = fixtureWorld();
    const before = w.state.phones['alice-phone'];
    expect(before?.app.screen.kind).toBe('pin');
    expect(hasBack({ kind: 'pin' })).toBe(false);
    const error = w.refused({ type: 'AppBack', phoneId: 'alice-phone' });
    expect(error.message).toBe('There is nothing to go back to from this screen');
    expect(w.state.phones['alice-phone']).toEqual(before);
  });

  it('R-OTP-2: from a code back to the PIN pad', () => {
    const w = fixtureWorld();
    w.code('alice-phone', PIN.alice);
    expect(hasBack(w.state.phones['alice-phone']?.app.screen ?? { kind: 'pin' })).toBe(true);
    w.ok({ type: 'AppBack', phoneId: 'alice-phone' });
    expect(w.state.phones['alice-phone']?.app.screen).toEqual({ kind: 'pin' });
  });
});
