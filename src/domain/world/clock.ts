// R-CLK-1: the sandbox's server clock as data: the simulated time at the last clock change, running or paused, and speed.
import { MIN_CLOCK_SPEED, MAX_CLOCK_SPEED } from '../policy';

export interface ClockState {
  /** Simulated server time (ms since the Unix epoch) at the last clock event. */
  now: number;
  running: boolean;
  /** R-CLK-1: x1 to x60. */
  speed: number;
  /** R-CLK-1: the server time of the last command the core decided; no command may come before it. */
  lastCommandAt: number;
}

/** Where a new sandbox's clock starts: 2026-01-05 09:00:00 UTC, a Monday morning, paused at x1. */
export const DEFAULT_CLOCK_START = Date.UTC(2026, 0, 5, 9, 0, 0);

export function initialClock(start = DEFAULT_CLOCK_START): ClockState {
  return { now: start, running: false, speed: MIN_CLOCK_SPEED, lastCommandAt: start };
}

/** Whether `speed` is allowed (R-CLK-1). */
export function validSpeed(speed: number): boolean {
  return Number.isInteger(speed) && speed >= MIN_CLOCK_SPEED && speed <= MAX_CLOCK_SPEED;
}

/**
 * Simulated time after `elapsedWallMs` of real time since the last clock event (R-CLK-1).
 * Pure: the runtime passes the elapsed wall time in.
 */
export function simulatedNow(clock: ClockState, elapsedWallMs: number): number {
  return clock.running ? clock.now + Math.max(0, elapsedWallMs) * clock.speed : clock.now;
}
