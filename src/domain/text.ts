// R-SEC-4: text a person typed is kept as data; control characters are made visible before it enters a log.

// C0 and C1 controls, DEL, and the Unicode bidi controls that can reorder what a log reader sees.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Replaces every control character with a visible escape (`\n` becomes `\u000a` spelled out),
 * so a username cannot forge a new log line or reorder a description (R-SEC-4, OWASP ASVS 5.0 V16.4.1).
 */
export function neutralize(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Usernames are compared as typed, after trimming surrounding spaces (directories store them trimmed). */
export function normalizeUsername(text: string): string {
  return text.trim();
}

/** Mobile numbers: digits with an optional leading +, spaces and dashes ignored. Returns null when not a number. */
export function normalizeMobile(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '');
  return /^\+?[0-9]{6,15}$/.test(compact) ? compact : null;
}
