// Which rule of docs/rules.md decided a journal entry: from its event-log reasons and audit actions first, then from its command.
import type { EventReason, RuleId, WorldCommand } from '../../domain';
import type { Entry } from '../journal';

/** A rule id of docs/rules.md ("R-VER-6"); its anchor there is the id in lower case. */
export type RuleRef = RuleId;

/** The anchor of a rule in docs/rules.md (`<a id="r-ver-6">`). */
export function ruleAnchor(rule: RuleRef): string {
  return rule.toLowerCase();
}

/** The rule an event-log reason was written under (docs/rules.md, R-VER-8 lists them). */
export function ruleOfReason(reason: EventReason): RuleRef {
  switch (reason.kind) {
    case 'user-not-found':
    case 'entry-missing-field':
      return 'R-VER-1';
    case 'user-inactive':
      return 'R-VER-2';
    case 'handset-not-activated':
    case 'handset-app-id-mismatch':
      return 'R-VER-3';
    case 'handset-old-device':
      return 'R-ACT-2';
    case 'link-blocked':
    case 'pin-blocked-no-link':
      return 'R-VER-4';
    case 'offline-lockout':
      return 'R-VER-5';
    case 'otp-failed':
      return reason.linkBlocked ? 'R-BLK-3' : 'R-VER-6';
    case 'online-granted':
    case 'otp-used':
    case 'otp-expired':
      return 'R-VER-6';
    case 'offline-wrong-pin':
      return reason.pinBlocked ? 'R-BLK-1' : 'R-VER-7';
    case 'offline-not-allowed':
    case 'offline-granted':
    case 'offline-used':
    case 'offline-expired':
      return 'R-VER-7';
    case 'unblock-granted':
    case 'unblock-failed':
    case 'unblock-ambiguous':
      return 'R-UBC-4';
    case 'unblock-used':
    case 'app-ubc-used':
    case 'app-ubc-not-blocked':
      return 'R-SEC-3';
    case 'ubc-blocked':
      return 'R-UBC-3';
    case 'pin-blocked':
      return reason.cause === 'pin-attempts' ? 'R-BLK-1' : reason.cause === 'code-attempts' ? 'R-BLK-3' : 'R-BLK-2';
    case 'app-unblocked':
      return 'R-UBC-2';
    case 'app-ubc-wrong':
      return reason.ubcBlocked ? 'R-UBC-3' : 'R-UBC-2';
    default:
      return assertNever(reason);
  }
}

/** The rule a command falls under when nothing it logged names one. */
function ruleOfCommand(command: WorldCommand): RuleRef | null {
  switch (command.type) {
    case 'PauseClock':
    case 'ResumeClock':
    case 'SetClockSpeed':
    case 'AdvanceClock':
    case 'SetClock':
      return 'R-CLK-1';
    case 'SetPhoneClockOffset':
      return 'R-CLK-2';
    case 'AppStartActivation':
    case 'AppConfirmSms':
    case 'AppSetFirstPin':
      return 'R-ACT-1';
    case 'AppReset':
      return 'R-ACT-3';
    case 'AppEnterPin':
      return 'R-OTP-1';
    case 'AppOpenChangePin':
    case 'AppChangePin':
      return 'R-OTP-4';
    case 'AppOpenUnblock':
    case 'AppChooseUnblockOrg':
    case 'AppEnterUbc':
    case 'AppSetUnblockPin':
      return 'R-UBC-2';
    case 'DisplayUbc':
    case 'GenerateNewUbc':
      return 'R-UBC-1';
    case 'BlockPin':
      return 'R-BLK-2';
    case 'SetUserStatus':
      return 'R-BLK-4';
    case 'OfflineUnlock':
      return 'R-OFF-1';
    case 'Login':
      return 'R-VER-8';
    default:
      return null;
  }
}

/** The rules that decided an entry, most telling first, without repeats. */
export function rulesOf(entry: Pick<Entry, 'command' | 'events'>): RuleRef[] {
  const rules: RuleRef[] = [];
  const add = (rule: RuleRef | null) => {
    if (rule && !rules.includes(rule)) rules.push(rule);
  };
  for (const event of entry.events) {
    if (event.type === 'EventLogged') add(ruleOfReason(event.entry.reason));
    if (event.type === 'AuditRecorded') add(event.entry.action.kind === 'refused' ? 'R-MGR-1' : 'R-MGR-5');
  }
  add(ruleOfCommand(entry.command));
  return rules;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled reason ${JSON.stringify(value)}`);
}
