// Speed of deciding one 8-digit login (npm run bench): R-VER-7's PIN-space and drift searches, R-ACT-2's older devices.
// Issue budget: the slowest login (a wrong 8-digit code at the widest window, holder with an older device) <= 150 ms in Node.
// The worlds are built once with the domain's public API; only the decide call of the login is timed.
import { bench, describe } from 'vitest';
import { applyDecided, decide, DEFAULT_CLOCK_START, initialState, makeSeededRandom, policy, windowSteps } from '../../src/domain';
import type { DecideContext, WorldCommand, WorldState } from '../../src/domain';

const SEED = 'login-bench';
const SERVER_KEY = new Uint8Array(32).fill(3);
const PIN = '2468';
/** Checked in setup to fit no PIN, step or device of the world below (the login must end as a failed code). */
const WRONG_CODE = '12345678';

/** A world driven by decide + applyDecided at a fixed server time, as the journal drives it. */
class BenchWorld {
  state: WorldState = initialState(DEFAULT_CLOCK_START);
  private seq = 0;

  context(): DecideContext {
    return { now: DEFAULT_CLOCK_START, random: makeSeededRandom(SEED, this.seq), serverKey: SERVER_KEY };
  }

  run(command: WorldCommand): void {
    this.seq += 1;
    const result = decide(command, this.state, this.context());
    if (!result.ok) throw new Error(`bench setup: ${command.type} refused: ${result.error.message}`);
    this.state = applyDecided(this.state, DEFAULT_CLOCK_START, result.events);
  }

  /** R-ACT-1: activates `phoneId` with its owner's number; sets the PIN when the app asks for one. */
  activate(phoneId: string, mobile: string): void {
    this.run({ type: 'AppStartActivation', phoneId, mobile });
    const sms = this.state.phones[phoneId]?.inbox.at(-1);
    if (!sms) throw new Error('bench setup: no SMS');
    this.run({ type: 'AppConfirmSms', phoneId, smsCode: sms.code });
    if (this.state.phones[phoneId]?.app.screen.kind === 'first-pin') this.run({ type: 'AppSetFirstPin', phoneId, pin: PIN, repeat: PIN });
  }

  /** An org with one LDAP directory holding `username` and an access server that allows offline codes. */
  org(orgId: string, settings: { offlineWindowBackMs: number; offlineWindowAheadMs: number } | undefined, username: string, mobile: string): void {
    this.run({ type: 'CreateOrg', orgId, name: orgId, ...(settings ? { settings } : {}) });
    this.run({ type: 'AddDirectory', orgId, directoryId: 'ldap', name: 'LDAP', kind: 'LDAP', checksAppId: false });
    this.run({ type: 'AddAccessServer', orgId, accessServerId: 'vpn', name: 'VPN', offlineAllowed: true });
    this.run({ type: 'AddDirectoryEntry', orgId, directoryId: 'ldap', entry: { username, mobile } });
  }

  /** Logs in once with an online code from `phoneId`, which creates the link (doc). */
  link(orgId: string, username: string, phoneId: string): void {
    this.run({ type: 'AppEnterPin', phoneId, pin: PIN });
    const screen = this.state.phones[phoneId]?.app.screen;
    if (screen?.kind !== 'online-code') throw new Error('bench setup: no online code');
    this.run({ type: 'Login', orgId, accessServerId: 'vpn', username, code: screen.code });
    if (!Object.values(this.state.server.links).some((l) => l.orgId === orgId)) throw new Error('bench setup: no link');
  }

  /** The login to time: decided on the same state and context every time, so every run does the same work. */
  wrongCodeLogin(orgId: string, username: string, steps: number): () => void {
    const command: WorldCommand = { type: 'Login', orgId, accessServerId: 'vpn', username, code: WRONG_CODE };
    const state = this.state;
    const ctx = this.context();
    const org = state.server.orgs[orgId];
    if (!org || windowSteps(ctx.now, org.settings.offlineWindowBackMs, org.settings.offlineWindowAheadMs).length !== steps) {
      throw new Error(`bench setup: ${orgId}'s window is not ${steps} steps`);
    }
    const result = decide(command, state, ctx);
    const logged = result.events.find((e) => e.type === 'EventLogged');
    // R-VER-7 "otherwise": the code fits no PIN, step or device, so it ends as a failed code.
    if (!result.ok || logged?.type !== 'EventLogged' || logged.entry.reason.kind !== 'otp-failed') {
      throw new Error(`bench setup: ${WRONG_CODE} did not end as a failed code: ${JSON.stringify(result.events)}`);
    }
    return () => {
      decide(command, state, ctx);
    };
  }
}

describe('R-VER-7, R-ACT-2 deciding a wrong 8-digit login', () => {
  // The widest window the rule book allows (policy.ts), and a holder whose older phone must be searched too.
  const wide = new BenchWorld();
  wide.org('wide', { offlineWindowBackMs: policy.MAX_OFFLINE_WINDOW_BACK_MS, offlineWindowAheadMs: policy.MAX_OFFLINE_WINDOW_AHEAD_MS }, 'pat', '+4791000001');
  wide.run({ type: 'AddPerson', personId: 'pat', name: 'Pat', mobile: '+4791000001' });
  wide.run({ type: 'AddPhone', phoneId: 'pat-old', personId: 'pat', label: 'old phone' });
  wide.run({ type: 'AddPhone', phoneId: 'pat-new', personId: 'pat', label: 'new phone' });
  wide.activate('pat-old', '+4791000001');
  wide.activate('pat-new', '+4791000001');
  if (wide.state.server.holders['+4791000001']?.deviceIds.length !== 2) throw new Error('bench setup: the holder has not two devices');
  wide.link('wide', 'pat', 'pat-new');
  const slowest = wide.wrongCodeLogin('wide', 'pat', 12);

  bench('slowest login: wrong 8-digit code, widest window (300 s back, 60 s ahead), holder with an older device', slowest, {
    time: 3_000,
    warmupIterations: 3,
  });

  // The default window (120 s back, 30 s ahead: 5 steps), one device.
  const narrow = new BenchWorld();
  narrow.org('narrow', undefined, 'sam', '+4791000002');
  narrow.run({ type: 'AddPerson', personId: 'sam', name: 'Sam', mobile: '+4791000002' });
  narrow.run({ type: 'AddPhone', phoneId: 'sam-phone', personId: 'sam', label: 'phone' });
  narrow.activate('sam-phone', '+4791000002');
  narrow.link('narrow', 'sam', 'sam-phone');
  const usual = narrow.wrongCodeLogin('narrow', 'sam', 5);

  bench('wrong 8-digit code, default window (120 s back, 30 s ahead), one device', usual, { time: 3_000, warmupIterations: 3 });
});
