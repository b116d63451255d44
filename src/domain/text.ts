// R-SEC-4: text a person typed is kept as data; what a person typed is normalized here, once, for every screen and scenario.

/**
 * What is escaped: C0 and C1 controls, DEL, the line and paragraph separators, and every Unicode bidi control
 * that can reorder what a log reader sees (ALM, LRM, RLM, LRE..RLO, LRI..PDI).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The escape introducer. A literal backslash is escaped only where it would read as one (`\u{`), so `DOMAIN\user` stays as typed. */
const ESCAPE_START = '\\u{';

function escapeOf(codePoint: number): string {
  return `${ESCAPE_START}${codePoint.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/**
 * R-SEC-4 (OWASP ASVS 5.0 V16.4.1): replaces every control, separator and bidi character with a visible
 * escape (a line feed becomes `\u{000A}`), so a typed name cannot forge a second log line or reverse its text.
 * One-to-one: a backslash that starts `u{` is itself escaped (`\u{005C}`), so no two inputs give the same
 * text and `unescapeTyped` gives the input back. Applied once, where typed text enters the core.
 */
export function neutralize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (CONTROL.test(ch)) out += escapeOf(ch.charCodeAt(0));
    else if (ch === '\\' && text.startsWith('u{', i + 1)) out += escapeOf(0x5c);
    else out += ch;
  }
  return out;
}

/** The inverse of `neutralize`: what the person typed. */
export function unescapeTyped(text: string): string {
  return text.replace(/\\u\{([0-9A-F]{4,6})\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** Whether `text` contains a character `neutralize` would escape. */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * A username as typed at a login page, in a directory entry or for an administrator: surrounding spaces are
 * not part of it (directories store it trimmed) and controls are escaped (R-SEC-4). Compare only these forms.
 */
export function normalizeUsername(text: string): string {
  return neutralize(text.trim());
}

/** A name a person typed (organization, directory, access server, person, phone, administrator): trimmed, escaped (R-SEC-4). */
export function normalizeName(text: string): string {
  return neutralize(text.trim());
}

/**
 * R-VER-8: a code as typed at a login page. People read codes in groups ("123 456"), so every space inside
 * or around it is dropped here, in the core, whatever screen or scenario sent it.
 */
export function normalizeCode(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Mobile numbers: digits with an optional leading +, spaces and dashes ignored. Returns null when not a number. */
export function normalizeMobile(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '');
  return /^\+?[0-9]{6,15}$/.test(compact) ? compact : null;
}
