// The core's and the runtime's refusals in English and Norwegian: every key in both, filled in with no placeholder left,
// the English word for word the core's `message`, the Norwegian its own words naming the same field and rule id.
import { describe, it, expect } from 'vitest';
import { DomainError, REFUSALS_EN } from '../../src/domain';
import type { RefusalKey, RefusalParamMap } from '../../src/domain';
import { refusal } from '../../src/domain/refusals';
import { SandboxError } from '../../src/runtime/sandbox';
import { SANDBOX_PROBLEMS_EN, sandboxProblem } from '../../src/runtime/sandbox-problems';
import type { SandboxProblemKey, SandboxProblemParamMap } from '../../src/runtime/sandbox-problems';
import { describeRefusal, describeSandboxProblem, REFUSALS, SANDBOX_PROBLEMS } from '../../src/i18n/describe-refusal';
import { refusalsEn, sandboxProblemsEn } from '../../src/i18n/text/refusals';
import { realRefusals } from '../domain/support/refusals';

/** Representative params for every refusal: a key added without a sample here does not compile. */
const SAMPLE: { [K in RefusalKey]: RefusalParamMap[K] } = {
  mobileFormat: { field: 'mobile' },
  mobileRequired: { field: 'mobile' },
  smsCodeMismatch: { field: 'smsCode' },
  exactDigits: { field: 'pin', count: 4 },
  digits: { field: 'entry.appId', count: 10 },
  notBlank: { field: 'username' },
  idFormat: { field: 'orgId' },
  labIdFormat: { field: 'personId' },
  textLength: { field: 'name', min: 1, max: 80 },
  msRange: { field: 'settings.offlineWindowBackMs', min: 30000, max: 300000 },
  directoryKind: { field: 'kind' },
  positionRange: { field: 'toIndex', max: 2 },
  roleName: { field: 'role' },
  statusValue: { field: 'status' },
  samePinAgain: { field: 'repeat' },
  linkedOrg: { field: 'orgId' },
  offsetRange: { field: 'offsetMs', max: 86400000 },
  speedRange: { field: 'speed', min: 1, max: 60 },
  advancePositive: { field: 'byMs' },
  clockNotBefore: { field: 'toMs' },
  unknownDevice: { field: 'deviceId', value: 'dev-9' },
  unknownOrg: { field: 'orgId', value: 'nowhere' },
  unknownAccessServer: { field: 'accessServerId', value: 'ftp', org: 'Acme Corp' },
  unknownAdmin: { field: 'by', value: 'nobody' },
  unknownOrgAdmin: { field: 'adminId', value: 'nobody', org: 'Acme Corp' },
  unknownDirectory: { field: 'directoryId', value: 'old-ldap', org: 'Acme Corp' },
  unknownEntry: { field: 'username', value: 'zed', directory: 'Corp LDAP' },
  unknownUser: { field: 'mobile', value: '+4790000009', org: 'Northbank' },
  unknownPerson: { field: 'personId', value: 'nobody' },
  unknownPhone: { field: 'phoneId', value: 'no-phone' },
  orgExists: { orgId: 'acme' },
  directoryExists: { org: 'Acme Corp', directoryId: 'corp-ldap' },
  entryExists: { directory: 'Corp LDAP', username: 'alice' },
  accessServerExists: { org: 'Acme Corp', accessServerId: 'vpn' },
  adminExists: { adminId: 'anna.admin' },
  personExists: { personId: 'ingrid' },
  phoneExists: { phoneId: 'ingrid-phone' },
  mobileTaken: { mobile: '+4791234501' },
  otherOrgAdmin: { admin: 'nils.admin' },
  roleMayNot: { role: 'HELPDESK', permission: 'display-ubc' },
  noSmsPending: {},
  pinAlreadySet: {},
  noPinYet: {},
  pinNotBlockedAt: { org: 'Northbank' },
  noUbcNotBlocked: { username: 'ingrid' },
  ubcBlocked: {},
  onlyBlockedUbc: {},
  pinAlreadyBlocked: { username: 'ingrid' },
  statusAlready: { username: 'ingrid', status: 'inactive' },
  noOfflineLockout: { username: 'ingrid' },
  ownAdmin: {},
  phoneOnlineAlready: { phone: 'Ingrid\'s phone' },
  phoneOfflineAlready: { phone: 'Ingrid\'s phone' },
  clockPausedAlready: {},
  clockRunningAlready: {},
  notActivated: {},
  activationNeedsNetwork: {},
  setPinNeedsNetwork: {},
  changePinNeedsNetwork: {},
  alreadyActivated: {},
  noActivationWaiting: {},
  notAskingFirstPin: {},
  nothingToGoBack: {},
  setPinFirst: {},
  chooseOrgFirst: {},
  typeUbcFirst: {},
  timeNotWhole: { now: 'NaN' },
  clockBackwards: { now: '2026-01-05T09:00:59.999Z', floor: '2026-01-05T09:01:00.000Z' },
  clockPaused: { pausedAt: '2026-01-05T09:00:00.000Z', at: '2026-01-05T09:00:01.000Z' },
};

const KEYS = Object.keys(REFUSALS_EN) as RefusalKey[];

/** What a template must never leave behind: a placeholder, or a param that was not there. */
const LEFTOVER = /\{[^}]*\}|\$\{|\bundefined\b|\[object|\bnull\b/;

function sampleError(key: RefusalKey): DomainError {
  const params = SAMPLE[key];
  const field = 'field' in params ? params.field : undefined;
  // SAMPLE[key] is the params of `key` (its type says so), which refusal() cannot see through a loop variable.
  return new DomainError('invalid-field', refusal(key, params as never), field === undefined ? { rule: 'R-MGR-1' } : { field, rule: 'R-OTP-1' });
}

describe('every refusal key has words in English and Norwegian', () => {
  it('the catalogue\'s English is the core\'s own templates, and Norwegian has the same keys', () => {
    expect(refusalsEn).toBe(REFUSALS_EN);
    expect(Object.keys(REFUSALS.nb).sort()).toEqual([...KEYS].sort());
    expect(KEYS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(KEYS)('%s renders in both languages with no placeholder left, Norwegian in words of its own', (key) => {
    const error = sampleError(key);
    const en = describeRefusal(error, 'en');
    const nb = describeRefusal(error, 'nb');
    expect(en).toBe(error.message);
    for (const words of [en, nb]) {
      expect(words).not.toMatch(LEFTOVER);
      expect(words.length).toBeGreaterThan(10);
      expect(words.endsWith(` (${error.rule})`)).toBe(true);
    }
    expect(nb).not.toBe(en);
    // The field, the values, names and times a refusal names are in the Norwegian too (statuses and permissions are words).
    for (const [name, value] of Object.entries(SAMPLE[key])) {
      if (name === 'status' || name === 'permission') continue;
      expect(nb).toContain(String(value));
    }
  });
});

describe('refusals the core really makes, in both languages (R-OTP-1, R-UBC-2, R-VER-8, R-MGR-1, R-CLK-1)', () => {
  it.each(realRefusals().map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const en = describeRefusal(r.error, 'en');
    const nb = describeRefusal(r.error, 'nb');
    expect(en).toBe(r.error.message);
    expect(en).toBe(r.message);
    expect(nb).not.toBe(en);
    if (r.error.rule) expect(nb.endsWith(`(${r.error.rule})`)).toBe(true);
    // Where the English names the field ("pin"), the Norwegian names the same field («pin»).
    if (r.error.field && en.includes(`"${r.error.field}"`)) expect(nb).toContain(`«${r.error.field}»`);
  });

  it('R-OTP-1, R-UBC-2, R-MGR-1 and R-CLK-1 in Norwegian words', () => {
    const byName = new Map(realRefusals().map((r) => [r.name, describeRefusal(r.error, 'nb')]));
    expect(byName.get('R-OTP-1 a PIN of 3 digits')).toBe('«pin» må være nøyaktig 4 sifre (R-OTP-1)');
    expect(byName.get('R-UBC-2 a UBC of 8 digits')).toBe('«ubc» må være nøyaktig 9 sifre (R-UBC-2)');
    expect(byName.get('R-VER-8 an unknown org')).toBe('Ukjent organisasjon «nowhere» (feltet «orgId»)');
    expect(byName.get('R-MGR-1 a HELPDESK trying Display UBC')).toBe('HELPDESK kan ikke vise en opplåsingskode (R-MGR-1)');
    // Times stay ISO 8601, 24-hour, UTC in Norwegian too.
    expect(byName.get('R-CLK-1 a command while the clock is paused')).toBe('Klokken står på pause ved 2026-01-05T09:01:00.000Z: en kommando ved 2026-01-05T09:01:01.000Z kan ikke skje (R-CLK-1)');
  });
});

describe('plurals through Intl.PluralRules', () => {
  it('R-OTP-1 1 digit / 2 digits, 1 siffer / 2 sifre', () => {
    const words = (count: number) => new DomainError('invalid-field', refusal('exactDigits', { field: 'pin', count }), { field: 'pin', rule: 'R-OTP-1' });
    expect(describeRefusal(words(1), 'en')).toBe('"pin" must be exactly 1 digit (R-OTP-1)');
    expect(describeRefusal(words(2), 'en')).toBe('"pin" must be exactly 2 digits (R-OTP-1)');
    expect(describeRefusal(words(1), 'nb')).toBe('«pin» må være nøyaktig 1 siffer (R-OTP-1)');
    expect(describeRefusal(words(2), 'nb')).toBe('«pin» må være nøyaktig 2 sifre (R-OTP-1)');
  });
});

describe('the runtime\'s own refusals (SandboxError) in both languages', () => {
  const SANDBOX_SAMPLE: { [K in SandboxProblemKey]: SandboxProblemParamMap[K] } = {
    noSandbox: { sandboxId: 'sbx-1' },
    deletedElsewhere: {},
    journalDamaged: { seq: 14 },
    storageFull: {},
    storageFailed: { errorName: 'UnknownError' },
  };
  const keys = Object.keys(SANDBOX_PROBLEMS_EN) as SandboxProblemKey[];

  it('the same keys in both, the English the runtime\'s own', () => {
    expect(sandboxProblemsEn).toBe(SANDBOX_PROBLEMS_EN);
    expect(Object.keys(SANDBOX_PROBLEMS.nb).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s: the English is the error\'s message, the Norwegian differs and keeps its values', (key) => {
    const problem = sandboxProblem(key, SANDBOX_SAMPLE[key] as never); // SANDBOX_SAMPLE[key] is the params of `key`
    const error = new SandboxError(key === 'journalDamaged' ? 'journal-damaged' : 'storage-failed', problem);
    expect(describeSandboxProblem(problem, 'en')).toBe(error.message);
    const nb = describeSandboxProblem(problem, 'nb');
    expect(nb).not.toBe(error.message);
    expect(nb).not.toMatch(LEFTOVER);
    for (const value of Object.values(SANDBOX_SAMPLE[key])) expect(nb).toContain(String(value));
  });

  it('a browser that names no failure: "unknown error", "ukjent feil"', () => {
    const problem = sandboxProblem('storageFailed', { errorName: '' });
    expect(describeSandboxProblem(problem, 'en')).toContain('(unknown error)');
    expect(describeSandboxProblem(problem, 'nb')).toContain('(ukjent feil)');
  });

  it('words given ready-made (replaying, guarded) are kept as they are', () => {
    expect(new SandboxError('guarded', 'Ferdig med saken først').text).toBeNull();
  });
});
