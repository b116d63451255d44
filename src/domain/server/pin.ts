// The holder's PIN on the server: sealed under the server key (R-SEC-1), checked in constant time (R-SEC-3).
import type { Transaction } from './transaction';
import type { Holder, Mobile } from './state';
import { sealPin, openPin, PIN_NONCE_BYTES } from '../crypto/pin-vault';
import { constantTimeEqual, isDigits } from '../crypto/bytes';
import { invalidField } from '../errors';
import type { DomainError, RuleId } from '../errors';
import { PIN_DIGITS, MAX_PIN_ATTEMPTS } from '../policy';
import { blockPin } from './blocking';

/** `"pin" must be exactly 4 digits`, or null when it is. */
export function checkPinFormat(field: string, pin: string, rule: RuleId = 'R-OTP-1'): DomainError | null {
  return isDigits(pin, PIN_DIGITS) ? null : invalidField(field, 'exactDigits', { count: PIN_DIGITS }, rule);
}

/** R-SEC-1: seals a new PIN for the holder; the plaintext never leaves this call. */
export function sealFor(tx: Transaction, mobile: Mobile, pin: string) {
  // R-SEC-1: the 24 random bytes are the synthetic nonce's context, not the nonce (the same draw as before, so the
  // random stream is consumed as it was); the vault mixes in the holder and the PIN, so no nonce serves two PINs.
  return sealPin(tx.ctx.serverKey, pin, mobile, tx.ctx.random.bytes(PIN_NONCE_BYTES));
}

/** The holder's PIN in the clear, for this decision only; null when none is set or it cannot be opened. */
export function storedPin(tx: Transaction, holder: Holder): string | null {
  const sealed = holder.sealedPin;
  if (!sealed) return null;
  const cache = tx.ctx.openedPins;
  if (cache?.has(sealed)) return cache.get(sealed) ?? null;
  const pin = openPin(tx.ctx.serverKey, sealed, holder.mobile);
  cache?.set(sealed, pin);
  return pin;
}

/** R-SEC-3: whether `pin` is the holder's PIN, compared in constant time. */
export function pinMatches(tx: Transaction, holder: Holder, pin: string): boolean {
  const stored = storedPin(tx, holder);
  return stored !== null && constantTimeEqual(stored, pin);
}

/**
 * R-OTP-1, R-BLK-1: counts one wrong PIN; the 3rd in a row blocks the PIN.
 * Returns the attempts left and whether the PIN is now blocked.
 */
export function countWrongPin(tx: Transaction, mobile: Mobile, describedAt: string | null = null): { attemptsRemaining: number; pinBlocked: boolean } {
  tx.emit({ type: 'PinAttemptFailed', mobile });
  const failures = tx.state.holders[mobile]?.pinFailures ?? MAX_PIN_ATTEMPTS;
  const attemptsRemaining = Math.max(0, MAX_PIN_ATTEMPTS - failures);
  if (attemptsRemaining === 0) blockPin(tx, mobile, describedAt);
  return { attemptsRemaining, pinBlocked: attemptsRemaining === 0 };
}

/** R-OTP-1: a correct PIN resets the holder's PIN counter. */
export function resetPinCounter(tx: Transaction, holder: Holder): void {
  if (holder.pinFailures > 0) tx.emit({ type: 'PinCounterReset', mobile: holder.mobile });
}
