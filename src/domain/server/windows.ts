// Which 30-s time steps a server accepts at a given moment (R-VER-7 offline codes, R-UBC-4 offline unblock codes).
import { OFFLINE_STEP_MS } from '../policy';

/** The 30-s step that `timeMs` falls in (RFC 6238 §4.2 with T0 = 0). */
export function stepOf(timeMs: number): number {
  return Math.floor(timeMs / OFFLINE_STEP_MS);
}

/** When a step starts, in ms. */
export function stepStart(step: number): number {
  return step * OFFLINE_STEP_MS;
}

/**
 * The steps whose start lies in (now − back, now + ahead]: a code made for step T is accepted until
 * `back` ms after T began, and from `ahead` ms before it begins (a phone clock slightly fast).
 * With back = 120 s and ahead = 30 s that is at most 5 steps.
 */
export function windowSteps(nowMs: number, backMs: number, aheadMs: number): number[] {
  const first = Math.floor((nowMs - backMs) / OFFLINE_STEP_MS) + 1;
  const last = Math.floor((nowMs + aheadMs) / OFFLINE_STEP_MS);
  const steps: number[] = [];
  for (let step = first; step <= last; step++) steps.push(step);
  return steps;
}

/** Steps within ±`rangeMs` of now that are not in `exclude`, nearest first: where a drifted phone's code may come from. */
export function driftSteps(nowMs: number, rangeMs: number, exclude: readonly number[]): number[] {
  const centre = stepOf(nowMs);
  const reach = Math.floor(rangeMs / OFFLINE_STEP_MS);
  const skip = new Set(exclude);
  const steps: number[] = [];
  for (let distance = 0; distance <= reach; distance++) {
    for (const step of distance === 0 ? [centre] : [centre - distance, centre + distance]) {
      if (!skip.has(step)) steps.push(step);
    }
  }
  return steps;
}
