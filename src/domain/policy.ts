// The numbers of the rule book (docs/rules.md, "Numbers"), as named constants. Starred ones are org settings with these defaults.

/** R-OTP-1, R-SEC-1: a PIN is exactly this many digits (doc). */
export const PIN_DIGITS = 4;
/** R-OTP-1: an online code has 6 digits (doc). */
export const ONLINE_CODE_DIGITS = 6;
/** R-OTP-1: an online code is valid this long after it is issued (doc). */
export const ONLINE_CODE_VALIDITY_MS = 120_000;
/** R-OTP-2: an offline code has 8 digits (doc). */
export const OFFLINE_CODE_DIGITS = 8;
/** R-OTP-2, R-UBC-4: offline codes and offline unblock codes change every 30 s (doc). */
export const OFFLINE_STEP_MS = 30_000;
/** R-VER-7: an offline code is accepted this far behind server time (org setting*). */
export const DEFAULT_OFFLINE_WINDOW_BACK_MS = 120_000;
/** R-VER-7: an offline code is accepted this far ahead of server time (org setting*). */
export const DEFAULT_OFFLINE_WINDOW_AHEAD_MS = 30_000;
/** R-VER-7: an org may widen the offline window to at most this far back, so the PIN search stays small. */
export const MAX_OFFLINE_WINDOW_BACK_MS = 300_000;
/** R-VER-7: an org may widen the offline window to at most this far ahead. */
export const MAX_OFFLINE_WINDOW_AHEAD_MS = 60_000;
/** R-UBC-4: an offline unblock code is valid 120 s against server time (doc). */
export const UNBLOCK_CODE_VALIDITY_MS = 120_000;
/** R-UBC-4: offline unblock codes tolerate a phone this far ahead, like offline codes. */
export const UNBLOCK_CODE_AHEAD_MS = 30_000;
/** R-UBC-4: offline unblock code length (doc). */
export const UNBLOCK_CODE_DIGITS = 9;
/** R-UBC-1: a UBC has 9 digits (doc). */
export const UBC_DIGITS = 9;
/** R-BLK-1: the 3rd wrong PIN in a row blocks the PIN (doc). */
export const MAX_PIN_ATTEMPTS = 3;
/** R-UBC-3: the 3rd wrong UBC entry blocks the UBC (doc). */
export const MAX_UBC_ATTEMPTS = 3;
/** R-BLK-3: the 3rd failed code verification in a row at an org blocks that link (doc). */
export const MAX_CODE_ATTEMPTS = 3;
/** R-OFF-1: more than this many out-of-window offline codes start an offline lockout (doc). */
export const MAX_OFFLINE_OUT_OF_WINDOW = 10;
/** R-OFF-1: an offline lockout lasts this long (org setting*). */
export const DEFAULT_OFFLINE_LOCKOUT_MS = 15 * 60_000;
/**
 * R-VER-7: how far from server time the server looks for the phone time an out-of-window offline
 * code was made for (right PIN, wrong time: clock drift). Beyond this the code is just a failed code.
 */
export const MAX_CLOCK_DRIFT_SEARCH_MS = 24 * 60 * 60_000;
/** R-ACT-1: the simulated SMS code has 6 digits and is valid 10 minutes. */
export const SMS_CODE_DIGITS = 6;
export const SMS_CODE_VALIDITY_MS = 10 * 60_000;
/** R-ACT-1: an App-ID is 10 digits (it is also the OCRA question of the offline code, R-OTP-2). */
export const APP_ID_DIGITS = 10;
/** R-ACT-1: a device key is 32 random bytes. */
export const DEVICE_KEY_BYTES = 32;
/**
 * R-VER-6, R-SEC-3: how long after it was issued the server remembers an online code, to tell "already used"
 * and "no longer valid" apart from a failed code. Kept by time, never by count: a code is forgotten only
 * long after it could be accepted (120 s); after this it reads as a failed code.
 */
export const ONLINE_CODE_MEMORY_MS = 60 * 60_000;
/**
 * R-SEC-3: how long the server remembers a UBC the link has spent, so a 9-digit code made from it is a reuse.
 * An app learns of the unblock at its next contact with the server and then offers no more codes for it; one
 * that stays offline could still make some, so the server remembers a spent UBC for a day of server time.
 */
export const SPENT_UBC_MEMORY_MS = 24 * 60 * 60_000;
/** R-OTP-2: how many 30-s steps of offline code the app computes ahead when the PIN is typed (2 min). */
export const OFFLINE_CODE_SCREEN_STEPS = 5;
/** R-CLK-1: the server clock runs at x1 to x60. */
export const MIN_CLOCK_SPEED = 1;
export const MAX_CLOCK_SPEED = 60;
