// RFC 6238 TOTP: HOTP over the number of time steps since T0. Time is passed in (R-CLK-1), never read.
import { hotp, type OtpHash } from './hotp';

/** RFC 6238 §5.2: the recommended time step X is 30 seconds. */
export const TOTP_DEFAULT_STEP_SECONDS = 30;
/** RFC 6238 §4.1: T0 defaults to the Unix epoch. */
export const TOTP_DEFAULT_T0 = 0;

/**
 * RFC 6238 §4.2: T = floor((time - T0) / X), the number of whole time steps since T0.
 * `timeSeconds` is Unix time in seconds (fractions allowed), read from the injected clock.
 */
export function timeStep(timeSeconds: number, step: number = TOTP_DEFAULT_STEP_SECONDS, t0: number = TOTP_DEFAULT_T0): number {
  if (!Number.isSafeInteger(step) || step <= 0) throw new RangeError(`"step" must be a positive integer of seconds, got ${step}`);
  if (!Number.isFinite(t0)) throw new RangeError(`"t0" must be a finite number, got ${t0}`);
  if (!Number.isFinite(timeSeconds)) throw new RangeError(`"timeSeconds" must be a finite number, got ${timeSeconds}`);
  if (timeSeconds < t0) throw new RangeError(`"timeSeconds" (${timeSeconds}) must not be before "t0" (${t0})`);
  return Math.floor((timeSeconds - t0) / step);
}

/**
 * RFC 6238 TOTP = HOTP(K, T) with T = timeStep(timeSeconds, step, t0) (§4.2).
 * Defaults: 30-s step, T0 = 0, 6 digits, SHA1.
 */
export function totp(
  key: Uint8Array,
  timeSeconds: number,
  options: { step?: number; t0?: number; digits?: number; hash?: OtpHash } = {},
): string {
  const t = timeStep(timeSeconds, options.step ?? TOTP_DEFAULT_STEP_SECONDS, options.t0 ?? TOTP_DEFAULT_T0);
  return hotp(key, t, { digits: options.digits, hash: options.hash });
}
