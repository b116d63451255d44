// R-VER-1..8: verifying username + code at an access server, in the order docs/rules.md gives, one event-log entry per attempt.
import type { LoginCommand } from './commands';
import type { ServerResult, Transaction } from './transaction';
import type { AccessServer, Device, Holder, Link, Org } from './state';
import type { EventLogType, EventReason } from './log';
import { lookUpUser, getLink, isPinBlocked, offlineLockoutRunning, MANAGER_ACCESS_SERVER } from './state';
import { invalidField, unknown } from '../errors';
import { normalizeCode, normalizeUsername } from '../text';
import { constantTimeEqual, hexToBytes, isDigits } from '../crypto/bytes';
import { makeOfflineCodeVerifier } from '../crypto/offline-code';
import { openOfflineUnblockCode } from '../crypto/offline-unblock';
import {
  ONLINE_CODE_DIGITS, ONLINE_CODE_VALIDITY_MS, OFFLINE_CODE_DIGITS, UNBLOCK_CODE_DIGITS, MAX_CODE_ATTEMPTS,
  MAX_OFFLINE_OUT_OF_WINDOW, MAX_CLOCK_DRIFT_SEARCH_MS, UNBLOCK_CODE_VALIDITY_MS, UNBLOCK_CODE_AHEAD_MS, ONLINE_CODE_MEMORY_MS,
  SPENT_UBC_MEMORY_MS,
} from '../policy';
import { windowSteps, driftSteps, stepStart } from './windows';
import { blockLink, countWrongUbc } from './blocking';
import { storedPin, countWrongPin, resetPinCounter, sealFor } from './pin';


/** Everything the checks after the directory lookup need. */
interface Attempt {
  tx: Transaction;
  org: Org;
  server: AccessServer;
  username: string;
  code: string;
  holder: Holder;
  device: Device;
  link: Link | undefined;
  /**
   * The current device's right-PIN step in the org's window for an 8-digit code (undefined: none), worked out
   * once: the older-device check and the offline-code check both need it.
   */
  rightStepInWindow: () => number | undefined;
  /** The current device's offline-code verifier, made once per attempt (it precomputes per-step schedules). */
  verifier: () => ReturnType<typeof verifierOf>;
}

/** Decides one login attempt. Writes exactly one event-log entry (R-VER-8) and answers only accepted or not (R-SEC-2). */
export function decideLogin(command: LoginCommand, tx: Transaction): ServerResult {
  const org = tx.state.orgs[command.orgId];
  if (!org) return tx.fail(unknown('orgId', 'unknownOrg', command.orgId, {}));
  const server = command.accessServerId === MANAGER_ACCESS_SERVER.id
    ? MANAGER_ACCESS_SERVER
    : org.accessServers.find((candidate) => candidate.id === command.accessServerId);
  if (!server) return tx.fail(unknown('accessServerId', 'unknownAccessServer', command.accessServerId, { org: org.name }));
  // R-VER-8, R-SEC-4: what the person typed is normalized here, once, for every screen and scenario.
  const username = normalizeUsername(command.username);
  if (username === '') return tx.fail(invalidField('username', 'notBlank', {}, 'R-VER-8'));
  const code = normalizeCode(command.code);
  if (code === '') return tx.fail(invalidField('code', 'notBlank', {}, 'R-VER-8'));

  const write = (type: EventLogType, reason: EventReason, mobile: string | null): ServerResult => {
    tx.log({ orgId: org.id, type, username, mobile, accessServerId: server.id, reason });
    return tx.ok({ kind: 'login', accepted: type === 'Access_Granted' || type === 'Access_Granted_Offline' });
  };

  // R-VER-1: the directories in order.
  const found = lookUpUser(org, username);
  if (!found) return write('Access_Error', { kind: 'user-not-found', directories: org.directories.map((d) => `${d.name} (${d.kind})`) }, null);
  const { directory, entry } = found;
  if (!entry.mobile) return write('Access_Error', { kind: 'entry-missing-field', directory: directory.name, field: 'mobile' }, null);
  if (directory.checksAppId && !entry.appId) {
    return write('Access_Error', { kind: 'entry-missing-field', directory: directory.name, field: 'appId' }, entry.mobile);
  }
  const mobile = entry.mobile;
  const link = getLink(tx.state, org.id, mobile);

  // R-VER-2: inactive users are denied before anything is counted.
  if (link?.status === 'inactive') return write('Access_Denied', { kind: 'user-inactive' }, mobile);

  // R-VER-3: the number (and App-ID, where checked) must match the holder's current device.
  const holder = tx.state.holders[mobile];
  const device = holder?.currentDeviceId ? tx.state.devices[holder.currentDeviceId] : undefined;
  if (!holder || !device) return write('Access_Denied', { kind: 'handset-not-activated', mobile }, mobile);
  if (directory.checksAppId && entry.appId !== device.appId) {
    return write('Access_Denied', { kind: 'handset-app-id-mismatch', expectedAppId: entry.appId ?? '', currentAppId: device.appId }, mobile);
  }
  let rightStep: { step: number | undefined } | null = null;
  let currentVerifier: ReturnType<typeof verifierOf> | null = null;
  const attempt: Attempt = {
    tx, org, server, username, code, holder, device, link,
    verifier: () => (currentVerifier ??= verifierOf(device)),
    rightStepInWindow: () => {
      if (!rightStep) {
        const pin = storedPin(tx, holder);
        rightStep = { step: pin === null ? undefined : rightPinStep(attempt.verifier(), pin, code, offlineWindow(attempt)) };
      }
      return rightStep.step;
    },
  };
  // R-ACT-2: a code from an older device is a handset mismatch, whatever it is, and changes no counter.
  const oldDevice = codeFromOlderDevice(attempt);
  if (oldDevice) return write('Access_Denied', { kind: 'handset-old-device', appId: oldDevice.appId, currentAppId: device.appId }, mobile);

  // R-VER-4: a blocked link considers only a 9-digit offline unblock code.
  if (link?.blocked) {
    if (!isDigits(code, UNBLOCK_CODE_DIGITS)) return write('Access_Denied', { kind: 'link-blocked' }, mobile);
    const outcome = offlineUnblock(attempt, link);
    return write(outcome.type, outcome.reason, mobile);
  }
  // With no link here and the PIN blocked everywhere, a new link would bypass the block: refused alike.
  if (!link && isPinBlocked(tx.state, mobile)) return write('Access_Denied', { kind: 'pin-blocked-no-link' }, mobile);

  // R-VER-5 / R-OFF-1: the lockout stops offline logins only; online codes keep working.
  if (isDigits(code, OFFLINE_CODE_DIGITS) && offlineLockoutRunning(holder, tx.ctx.now)) {
    return write('Access_Denied_Offline', { kind: 'offline-lockout', until: holder.offlineLockedUntil ?? tx.ctx.now }, mobile);
  }
  const outcome = isDigits(code, ONLINE_CODE_DIGITS)
    ? onlineCode(attempt)
    : isDigits(code, OFFLINE_CODE_DIGITS)
      ? offlineCode(attempt)
      : isDigits(code, UNBLOCK_CODE_DIGITS) && link && madeFromSpentUbc(attempt, device, link)
        ? { type: 'Access_Denied' as const, reason: { kind: 'unblock-used' } as const } // R-VER-7 exception, R-SEC-3: a reuse
        : codeFailed(attempt); // R-VER-7: any other input
  return write(outcome.type, outcome.reason, mobile);
}

type Outcome = { type: EventLogType; reason: EventReason };

/**
 * R-ACT-2: the older device a code came from, when it did: an online code issued to it, an 8-digit code made
 * on it with any PIN (tried as the current device is: the window with every PIN, then drift with the right
 * PIN), or a 9-digit unblock code made on it from this link's UBC or a spent one. The current device's own
 * right-PIN code is checked first, so a good code is never mistaken for an old device's.
 */
function codeFromOlderDevice(a: Attempt): Device | undefined {
  const older = a.holder.deviceIds.filter((id) => id !== a.device.id).map((id) => a.tx.state.devices[id]).filter((d): d is Device => !!d);
  if (older.length === 0) return undefined;
  if (isDigits(a.code, ONLINE_CODE_DIGITS)) {
    const issued = rememberedCodes(a).find((c) => c.deviceId !== a.device.id && constantTimeEqual(c.code, a.code));
    return issued ? older.find((d) => d.id === issued.deviceId) : undefined;
  }
  if (isDigits(a.code, OFFLINE_CODE_DIGITS)) {
    const pin = storedPin(a.tx, a.holder);
    const steps = offlineWindow(a);
    if (a.rightStepInWindow() !== undefined) return undefined;
    return older.find((d) => {
      const verifier = verifierOf(d);
      if (verifier.findPin(a.code, steps)) return true;
      return pin !== null && rightPinStep(verifier, pin, a.code, driftSteps(a.tx.ctx.now, MAX_CLOCK_DRIFT_SEARCH_MS, steps)) !== undefined;
    });
  }
  if (isDigits(a.code, UNBLOCK_CODE_DIGITS) && a.link) {
    const link = a.link;
    return older.find((d) => (link.blocked && link.ubc !== null && opensWith(a, d, link.ubc)) || madeFromSpentUbc(a, d, link));
  }
  return undefined;
}

function verifierOf(device: Device) {
  return makeOfflineCodeVerifier(hexToBytes(device.deviceKey), device.appId);
}

/**
 * The first of `steps` at which `code` is the code for `pin`. R-SEC-3: the kernel's findStep tries every step
 * at the same cost; the step it finds is confirmed on noble's codeFor in constant time, so a grant never rests
 * on the kernel alone. R-VER-7, R-ACT-2: this is the window and ±24 h drift search, on every device searched.
 */
function rightPinStep(verifier: ReturnType<typeof verifierOf>, pin: string, code: string, steps: readonly number[]): number | undefined {
  const step = verifier.findStep(pin, code, steps);
  return step !== null && constantTimeEqual(verifier.codeFor(pin, step), code) ? step : undefined;
}

/** R-VER-6, R-SEC-3: the online codes the server still remembers (kept by time, not by count). */
function rememberedCodes(a: Attempt): Holder['onlineCodes'] {
  return a.holder.onlineCodes.filter((c) => a.tx.ctx.now - c.issuedAt < ONLINE_CODE_MEMORY_MS);
}

/** R-UBC-4: whether `code` is a 9-digit unblock code made on `device` from `ubc`, for a step the server accepts now. */
function opensWith(a: Attempt, device: Device, ubc: string): boolean {
  const opened = openOfflineUnblockCode({ deviceKey: hexToBytes(device.deviceKey), orgId: a.org.id, ubc, code: a.code, steps: unblockWindow(a) });
  return opened.ok || opened.reason === 'ambiguous';
}

/** R-SEC-3, R-VER-7: whether `code` was made on `device` from a UBC this link has spent (remembered by time). */
function madeFromSpentUbc(a: Attempt, device: Device, link: Link): boolean {
  return link.spentUbcs.some((spent) => a.tx.ctx.now - spent.spentAt < SPENT_UBC_MEMORY_MS && opensWith(a, device, spent.ubc));
}

function unblockWindow(a: Attempt): number[] {
  return windowSteps(a.tx.ctx.now, UNBLOCK_CODE_VALIDITY_MS, UNBLOCK_CODE_AHEAD_MS);
}

function offlineWindow(a: Attempt): number[] {
  return windowSteps(a.tx.ctx.now, a.org.settings.offlineWindowBackMs, a.org.settings.offlineWindowAheadMs);
}

// R-VER-6: 6 digits.
function onlineCode(a: Attempt): Outcome {
  const { tx, holder } = a;
  // R-SEC-3: compare against every remembered code in constant time; a code is this device's or nobody's.
  let issued: Holder['onlineCodes'][number] | undefined;
  for (const candidate of rememberedCodes(a)) {
    if (candidate.deviceId === a.device.id && constantTimeEqual(candidate.code, a.code) && !issued) issued = candidate;
  }
  if (!issued) return codeFailed(a);
  if (issued.usedAt !== null) return { type: 'Access_Denied', reason: { kind: 'otp-used' } };
  if (tx.ctx.now - issued.issuedAt >= ONLINE_CODE_VALIDITY_MS) {
    return { type: 'Access_Denied', reason: { kind: 'otp-expired', createdAt: issued.issuedAt } };
  }
  tx.emit({ type: 'OnlineCodeSpent', mobile: holder.mobile, code: issued.code, at: tx.ctx.now });
  grantAtOrg(a);
  return { type: 'Access_Granted', reason: { kind: 'online-granted' } };
}

/** Link created if new (doc), shown Active; R-BLK-3 "in a row": a success resets the org's code counter. */
function grantAtOrg(a: Attempt): void {
  const { tx, org, holder, username } = a;
  const link = getLink(tx.state, org.id, holder.mobile);
  // R-SEC-4: the username was normalized (trimmed, escaped) where it entered the core.
  if (!link) tx.emit({ type: 'LinkCreated', orgId: org.id, mobile: holder.mobile, username, at: tx.ctx.now });
  else if (link.codeFailures > 0) tx.emit({ type: 'CodeCounterReset', orgId: org.id, mobile: holder.mobile });
}

// R-VER-7: 8 digits.
function offlineCode(a: Attempt): Outcome {
  const { tx, holder, device } = a;
  if (!a.server.offlineAllowed) return { type: 'Access_Denied_Offline', reason: { kind: 'offline-not-allowed' } };
  const pin = storedPin(tx, holder);
  if (pin === null) return codeFailed(a);
  const verifier = a.verifier();
  const inWindow = offlineWindow(a);

  const step = a.rightStepInWindow();
  if (step !== undefined) {
    // R-SEC-3: each offline code is accepted at most once.
    if (device.spentOfflineSteps.includes(step)) return { type: 'Access_Denied_Offline', reason: { kind: 'offline-used', phoneTime: stepStart(step) } };
    tx.emit({ type: 'OfflineStepSpent', deviceId: device.id, step, at: tx.ctx.now });
    resetPinCounter(tx, holder);
    if (holder.offlineOutOfWindow > 0) tx.emit({ type: 'OfflineCounterReset', mobile: holder.mobile });
    grantAtOrg(a);
    return { type: 'Access_Granted_Offline', reason: { kind: 'offline-granted' } };
  }

  // Right device, wrong PIN: found by trying the PIN space over the accepted steps.
  const wrongPin = verifier.findPin(a.code, inWindow);
  if (wrongPin) {
    const counted = countWrongPin(tx, holder.mobile, a.org.id);
    return {
      type: 'Access_Denied_Offline',
      reason: { kind: 'offline-wrong-pin', attemptsRemaining: counted.attemptsRemaining, pinBlocked: counted.pinBlocked },
    };
  }

  // Right PIN, wrong time: the phone's clock is off (R-CLK-2). R-OFF-1 counts these.
  const drifted = rightPinStep(verifier, pin, a.code, driftSteps(tx.ctx.now, MAX_CLOCK_DRIFT_SEARCH_MS, inWindow));
  if (drifted !== undefined) {
    tx.emit({ type: 'OfflineOutOfWindowCounted', mobile: holder.mobile });
    let lockoutUntil: number | null = null;
    if ((tx.state.holders[holder.mobile]?.offlineOutOfWindow ?? 0) > MAX_OFFLINE_OUT_OF_WINDOW) {
      lockoutUntil = tx.ctx.now + a.org.settings.offlineLockoutMs;
      tx.emit({ type: 'OfflineLockoutStarted', mobile: holder.mobile, until: lockoutUntil });
    }
    return { type: 'Access_Denied_Offline', reason: { kind: 'offline-expired', phoneTime: stepStart(drifted), lockoutUntil } };
  }
  return codeFailed(a);
}

// R-VER-6 "else", R-BLK-3: the link's code counter grows; the 3rd in a row blocks the link.
function codeFailed(a: Attempt): Outcome {
  const { tx, org, holder } = a;
  const link = getLink(tx.state, org.id, holder.mobile);
  if (!link) return { type: 'Access_Denied', reason: { kind: 'otp-failed', attemptsRemaining: null, linkBlocked: false } };
  tx.emit({ type: 'CodeAttemptFailed', orgId: org.id, mobile: holder.mobile });
  const failures = getLink(tx.state, org.id, holder.mobile)?.codeFailures ?? MAX_CODE_ATTEMPTS;
  const attemptsRemaining = Math.max(0, MAX_CODE_ATTEMPTS - failures);
  if (attemptsRemaining === 0) blockLink(tx, org.id, holder.mobile, 'code-attempts', false);
  return { type: 'Access_Denied', reason: { kind: 'otp-failed', attemptsRemaining, linkBlocked: attemptsRemaining === 0 } };
}

// R-UBC-4: a 9-digit code at a blocked link: recover the new PIN, set it, unblock, spend the UBC, grant.
function offlineUnblock(a: Attempt, link: Link): Outcome {
  const { tx, org, holder, device } = a;
  if (!a.server.offlineAllowed) return { type: 'Access_Denied_Offline', reason: { kind: 'offline-not-allowed' } };
  // R-SEC-3: a code made from a UBC this link spent before is a reuse, even while it is blocked again.
  if (madeFromSpentUbc(a, device, link)) return { type: 'Access_Denied_Offline', reason: { kind: 'unblock-used' } };
  if (link.ubcBlocked || link.ubc === null) return { type: 'Access_Denied_Offline', reason: { kind: 'ubc-blocked' } };
  const opened = openOfflineUnblockCode({
    deviceKey: hexToBytes(device.deviceKey),
    orgId: org.id,
    ubc: link.ubc,
    code: a.code,
    steps: unblockWindow(a),
  });
  if (!opened.ok && opened.reason === 'ambiguous') {
    // Fits two time steps with different PINs (chance ~1e-5): verified, but which PIN is unknown. Not a wrong entry.
    return { type: 'Access_Denied_Offline', reason: { kind: 'unblock-ambiguous' } };
  }
  if (!opened.ok) {
    // R-UBC-4: a code that does not verify counts as a wrong UBC entry (R-UBC-3).
    const counted = countWrongUbc(tx, org.id, holder.mobile);
    return { type: 'Access_Denied_Offline', reason: { kind: 'unblock-failed', ...counted } };
  }
  // R-UBC-5: offline, every unblock sets the PIN again; the last one verified wins.
  tx.emit({ type: 'PinSet', mobile: holder.mobile, sealedPin: sealFor(tx, holder.mobile, opened.newPin), reason: 'offline-unblock' });
  resetPinCounter(tx, holder);
  tx.emit({ type: 'LinkUnblocked', orgId: org.id, mobile: holder.mobile, at: tx.ctx.now });
  return { type: 'Access_Granted_Offline', reason: { kind: 'unblock-granted' } };
}
