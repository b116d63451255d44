// Refusals the core really makes: commands it refuses, decided on the fixture world, each with its key and its English.
import { fixtureWorld, linkEverywhere, MOBILE, PIN } from './fixture';
import type { DomainError, RefusalKey, WorldCommand } from '../../../src/domain';

export interface RealRefusal {
  /** What was tried, and the rule the refusal cites. */
  name: string;
  error: DomainError;
  key: RefusalKey;
  /** The English words, exactly as the core has always worded them (scenario files and logs match on them). */
  message: string;
}

/**
 * Decides one world through a PIN of 3 digits, a UBC of 8, an unknown org, a clock set backwards, a HELPDESK trying
 * Display UBC, a paused clock and more; every one is refused, and none changes the world except the audited one (R-MGR-1).
 */
export function realRefusals(): RealRefusal[] {
  const w = fixtureWorld();
  linkEverywhere(w, 'alice');
  linkEverywhere(w, 'bob');
  const out: RealRefusal[] = [];
  const refuse = (name: string, command: WorldCommand, key: RefusalKey, message: string) => out.push({ name, error: w.refused(command), key, message });

  refuse('R-OTP-1 a PIN of 3 digits', { type: 'AppEnterPin', phoneId: 'alice-phone', pin: '123' }, 'exactDigits', '"pin" must be exactly 4 digits (R-OTP-1)');
  refuse('R-VER-8 an unknown org', { type: 'Login', orgId: 'nowhere', accessServerId: 'vpn', username: 'alice', code: '123456' }, 'unknownOrg', 'Unknown organization "nowhere" in "orgId"');
  refuse('R-VER-8 an unknown access server', { type: 'Login', orgId: 'acme', accessServerId: 'ftp', username: 'alice', code: '123456' }, 'unknownAccessServer', 'Unknown access server of Acme Corp "ftp" in "accessServerId"');
  refuse('R-MGR-1 a HELPDESK trying Display UBC', { type: 'DisplayUbc', by: 'acme-helpdesk', orgId: 'acme', mobile: MOBILE.alice }, 'roleMayNot', 'HELPDESK may not display ubc (R-MGR-1)');
  refuse('R-MGR-1 an administrator of another org', { type: 'DisplayUbc', by: 'bank-super', orgId: 'acme', mobile: MOBILE.alice }, 'otherOrgAdmin', 'bank-super is an administrator of another organization (R-MGR-1)');
  refuse('R-MGR-3 a user set active who is active', { type: 'SetUserStatus', by: 'acme-super', orgId: 'acme', mobile: MOBILE.alice, status: 'active' }, 'statusAlready', 'alice is already active (R-MGR-3)');
  refuse('R-CLK-1 a speed of x61', { type: 'SetClockSpeed', speed: 61 }, 'speedRange', '"speed" must be a whole number from 1 to 60 (R-CLK-1)');
  refuse('a person id taken', { type: 'AddPerson', personId: 'alice', name: 'Alice Again', mobile: '+4790000099' }, 'personExists', 'A person "alice" exists already');
  refuse('the app\'s Back where there is nothing to go back to', { type: 'AppBack', phoneId: 'carol-phone' }, 'nothingToGoBack', 'There is nothing to go back to from this screen');
  refuse('R-OTP-4 a new PIN typed differently the second time', { type: 'AppChangePin', phoneId: 'carol-phone', currentPin: PIN.carol, newPin: '5555', repeat: '5556' }, 'samePinAgain', '"repeat" must be the same PIN typed again (R-OTP-4)');

  w.setOnline('bob-phone', false);
  refuse('R-OTP-4 changing the PIN offline', { type: 'AppChangePin', phoneId: 'bob-phone', currentPin: PIN.bob, newPin: '5555', repeat: '5555' }, 'changePinNeedsNetwork', 'Changing the PIN needs the network: turn data traffic on (R-OTP-4)');
  refuse('R-CLK-2 a phone set offline twice', { type: 'SetPhoneOnline', phoneId: 'bob-phone', online: false }, 'phoneOfflineAlready', 'bob\'s phone is offline already (R-CLK-2)');

  // R-BLK-1: three wrong PINs block alice's PIN; the app then asks which org to unblock and takes the UBC.
  for (const pin of ['0000', '0001', '0002']) w.ok({ type: 'AppEnterPin', phoneId: 'alice-phone', pin });
  w.ok({ type: 'AppOpenUnblock', phoneId: 'alice-phone' });
  w.ok({ type: 'AppChooseUnblockOrg', phoneId: 'alice-phone', orgId: 'acme' });
  refuse('R-UBC-2 a UBC of 8 digits', { type: 'AppEnterUbc', phoneId: 'alice-phone', ubc: '12345678' }, 'exactDigits', '"ubc" must be exactly 9 digits (R-UBC-2)');

  // R-CLK-1: the clock is paused (as every TestWorld starts); a command at another time cannot happen, nor one set back.
  const now = w.now;
  w.advance(60_000);
  const at = (ms: number) => new Date(ms).toISOString();
  w.now = now + 60_000 + 1_000;
  refuse('R-CLK-1 a command while the clock is paused', { type: 'PauseClock' }, 'clockPaused', `The clock is paused at ${at(now + 60_000)}: a command at ${at(now + 61_000)} cannot happen (R-CLK-1)`);
  w.now = now + 60_000 - 1;
  refuse('R-CLK-1 a clock set backwards', { type: 'ResumeClock' }, 'clockBackwards', `Server time ${at(now + 59_999)} is before ${at(now + 60_000)}, the time of the last command or clock change: the clock never goes back (R-CLK-1)`);
  w.now = now + 60_000;
  return out;
}
