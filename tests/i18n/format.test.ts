// Simulated times are written and read in one form, ISO 24-hour UTC, whatever the browser's own locale (R-CLK-1).
import { describe, expect, it } from 'vitest';
import { formatDateTime, parseDateTime } from '../../src/i18n/format';

describe('ISO 24-hour UTC times', () => {
  it.each([
    ['2026-01-05 09:30', Date.UTC(2026, 0, 5, 9, 30)],
    ['2026-01-05 09:30:15', Date.UTC(2026, 0, 5, 9, 30, 15)],
    ['2026-01-05T09:30', Date.UTC(2026, 0, 5, 9, 30)],
    [' 2026-12-31 23:59:59 UTC ', Date.UTC(2026, 11, 31, 23, 59, 59)],
    ['2026-01-05T09:30:00Z', Date.UTC(2026, 0, 5, 9, 30)],
  ])('reads %j', (text, ms) => {
    expect(parseDateTime(text)).toBe(ms);
  });

  it.each(['01/05/2026 9:30 AM', '2026-02-30 10:00', '2026-01-05 24:00', '2026-01-05 09:60', '2026-1-5 9:30', '', 'soon'])('refuses %j', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });

  it('reads back what it writes', () => {
    const ms = Date.UTC(2026, 5, 7, 13, 4, 5);
    expect(parseDateTime(formatDateTime(ms))).toBe(ms);
  });
});
