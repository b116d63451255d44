// R-CLK-1 in the runtime: the simulated server clock anchored to an injected wall clock, across commands and reopening.
import { describe, it, expect } from 'vitest';
import { Sandbox } from '../../src/runtime/sandbox';
import { exportSandbox, importSandbox } from '../../src/runtime/sandboxes';
import { DEFAULT_CLOCK_START } from '../../src/domain';
import { defaultSandbox, accepted, journalRows, expectDefined } from './support/fixture';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('R-CLK-1 the running clock follows the wall clock at its speed', () => {
  it('R-CLK-1 a new sandbox opens at the default start with the clock resumed at x1', async () => {
    const { sandbox } = await defaultSandbox();
    expect(sandbox.state.clock).toMatchObject({ running: true, speed: 1 });
    expect(sandbox.now()).toBe(DEFAULT_CLOCK_START);
  });

  it('R-CLK-1 a resumed clock at x1 advances simulated time with wall time', async () => {
    const { sandbox, wall } = await defaultSandbox();
    const start = sandbox.now();
    wall.advance(10 * SECOND);
    expect(sandbox.now()).toBe(start + 10 * SECOND);
    wall.advance(5 * MINUTE);
    expect(sandbox.now()).toBe(start + 10 * SECOND + 5 * MINUTE);
  });

  it('R-CLK-1 at x60 simulated time runs 60 times as fast as wall time', async () => {
    const { sandbox, wall } = await defaultSandbox();
    wall.advance(2 * SECOND);
    const at = sandbox.now();
    await accepted(sandbox, { type: 'SetClockSpeed', speed: 60 });
    expect(sandbox.now()).toBe(at);
    wall.advance(SECOND);
    expect(sandbox.now()).toBe(at + 60 * SECOND);
    wall.advance(10 * SECOND);
    expect(sandbox.now()).toBe(at + 11 * 60 * SECOND);
  });

  it('R-CLK-1 a paused clock stands still while wall time passes, and runs on from there when resumed', async () => {
    const { sandbox, wall } = await defaultSandbox();
    wall.advance(5 * SECOND);
    await accepted(sandbox, { type: 'PauseClock' });
    const paused = sandbox.now();
    expect(paused).toBe(DEFAULT_CLOCK_START + 5 * SECOND);
    wall.advance(60 * MINUTE);
    expect(sandbox.now()).toBe(paused);
    await accepted(sandbox, { type: 'ResumeClock' });
    expect(sandbox.now()).toBe(paused);
    wall.advance(7 * SECOND);
    expect(sandbox.now()).toBe(paused + 7 * SECOND);
  });

  it('R-CLK-1 AdvanceClock steps the clock (+30 s, +2 min, +15 min, +1 day), paused or running', async () => {
    const { sandbox, wall } = await defaultSandbox();
    await accepted(sandbox, { type: 'PauseClock' });
    let expected = sandbox.now();
    for (const step of [30 * SECOND, 2 * MINUTE, 15 * MINUTE, 24 * 60 * MINUTE]) {
      await accepted(sandbox, { type: 'AdvanceClock', byMs: step });
      expected += step;
      expect(sandbox.now()).toBe(expected);
    }
    await accepted(sandbox, { type: 'ResumeClock' });
    wall.advance(3 * SECOND);
    await accepted(sandbox, { type: 'AdvanceClock', byMs: 2 * MINUTE });
    expect(sandbox.now()).toBe(expected + 3 * SECOND + 2 * MINUTE);
    wall.advance(SECOND);
    expect(sandbox.now()).toBe(expected + 4 * SECOND + 2 * MINUTE);
  });

  it('R-CLK-1 SetClock sets the clock forward and it runs on from there', async () => {
    const { sandbox, wall } = await defaultSandbox();
    const target = DEFAULT_CLOCK_START + 3 * 24 * 60 * MINUTE;
    await accepted(sandbox, { type: 'SetClock', toMs: target });
    expect(sandbox.now()).toBe(target);
    wall.advance(4 * SECOND);
    expect(sandbox.now()).toBe(target + 4 * SECOND);
  });

  it('R-CLK-1 SetClock to a time before the simulated now is refused and the clock is unchanged', async () => {
    const { sandbox, wall } = await defaultSandbox();
    wall.advance(MINUTE);
    const now = sandbox.now();
    const result = await sandbox.dispatch({ type: 'SetClock', toMs: now - SECOND });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/R-CLK-1/);
    expect(sandbox.now()).toBe(now);
  });
});

describe('R-CLK-1 commands run at the simulated now, never going back', () => {
  it('R-CLK-1 each entry is stamped with the simulated now at dispatch (x1 and x60)', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    wall.advance(7 * SECOND);
    const first = sandbox.now();
    const a = await accepted(sandbox, { type: 'AddPerson', personId: 'nora', name: 'Nora', mobile: '+4791234599' });
    await accepted(sandbox, { type: 'SetClockSpeed', speed: 60 });
    wall.advance(2 * SECOND);
    const second = sandbox.now();
    const b = await accepted(sandbox, { type: 'AddPhone', phoneId: 'nora-phone', personId: 'nora', label: 'Nora phone' });

    const rows = await journalRows(db, id);
    expect(rows.find((r) => r.seq === a.seq)?.at).toBe(DEFAULT_CLOCK_START + 7 * SECOND);
    expect(first).toBe(DEFAULT_CLOCK_START + 7 * SECOND);
    expect(rows.find((r) => r.seq === b.seq)?.at).toBe(second);
    expect(second).toBe(first + 120 * SECOND);
  });

  it('R-CLK-1 when the wall clock jumps back, entries are never stamped earlier than the one before', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    wall.advance(10 * MINUTE);
    await accepted(sandbox, { type: 'AddPerson', personId: 'nora', name: 'Nora', mobile: '+4791234599' });
    wall.advance(-5 * MINUTE);
    await accepted(sandbox, { type: 'AddPhone', phoneId: 'nora-phone', personId: 'nora', label: 'Nora phone' });
    await accepted(sandbox, { type: 'SetClockSpeed', speed: 30 }); // a clock change re-anchors to the jumped-back wall
    wall.advance(-1 * MINUTE);
    await accepted(sandbox, { type: 'AdvanceClock', byMs: 30 * SECOND });
    wall.advance(-1 * MINUTE);
    await accepted(sandbox, { type: 'SetPhoneOnline', phoneId: 'nora-phone', online: false });

    const ats = (await journalRows(db, id)).map((r) => r.at);
    for (let i = 1; i < ats.length; i += 1) expect(ats[i]).toBeGreaterThanOrEqual(ats[i - 1] ?? 0);
    expect(ats.at(-1)).toBeGreaterThanOrEqual(DEFAULT_CLOCK_START + 10 * MINUTE + 30 * SECOND);
  });

  it('R-CLK-1 the simulated now never goes back while the sandbox runs, even when the wall clock jumps back', async () => {
    const { sandbox, wall } = await defaultSandbox();
    wall.advance(10 * MINUTE);
    const seen = sandbox.now();
    expect(seen).toBe(DEFAULT_CLOCK_START + 10 * MINUTE);
    wall.advance(-5 * MINUTE); // e.g. the computer's clock corrected by NTP
    expect(sandbox.now()).toBeGreaterThanOrEqual(seen);
  });
});

describe('R-CLK-1 the clock anchor survives reopening', () => {
  it('R-CLK-1 a running clock continues from its anchor when the sandbox is opened again later', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    wall.advance(SECOND);
    await accepted(sandbox, { type: 'SetClockSpeed', speed: 60 });
    const anchored = sandbox.now();
    sandbox.close();
    wall.advance(2 * SECOND);

    const reopened = await Sandbox.open(db, id, wall.read);

    expect(reopened.now()).toBe(anchored + 2 * 60 * SECOND);
    expect(reopened.state.clock).toMatchObject({ running: true, speed: 60 });
  });

  it('R-CLK-1 a paused clock is still at the same time when the sandbox is opened a day later', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    wall.advance(45 * SECOND);
    await accepted(sandbox, { type: 'PauseClock' });
    const paused = sandbox.now();
    wall.advance(24 * 60 * MINUTE);

    const reopened = await Sandbox.open(db, id, wall.read);

    expect(reopened.now()).toBe(paused);
  });

  it('R-CLK-1 a running clock with commands after its last clock change continues from the wall anchor on reopening', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    wall.advance(MINUTE);
    await accepted(sandbox, { type: 'AddPerson', personId: 'nora', name: 'Nora', mobile: '+4791234599' });
    wall.advance(MINUTE);

    const reopened = await Sandbox.open(db, id, wall.read);

    expect(reopened.now()).toBe(DEFAULT_CLOCK_START + 2 * MINUTE);
  });

  it('R-CLK-1 an imported sandbox whose clock was running runs on from its last entry with wall time', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    wall.advance(30 * MINUTE);
    await accepted(sandbox, { type: 'AddPerson', personId: 'nora', name: 'Nora', mobile: '+4791234599' });
    const lastAt = sandbox.now();
    const file = await exportSandbox(db, id, wall.now);
    const imported = await importSandbox(db, JSON.stringify(file), wall.now);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;

    const opened = await Sandbox.open(db, imported.id, wall.read);
    expect(opened.state.clock.running).toBe(true);
    expect(opened.now()).toBe(lastAt);
    wall.advance(10 * SECOND);
    // The clock runs (x1) from where the journal ends; it must not stand still until wall time catches up.
    expect(opened.now()).toBe(lastAt + 10 * SECOND);
    const entry = await accepted(opened, { type: 'AddPhone', phoneId: 'nora-phone', personId: 'nora', label: 'Nora phone' });
    expect(expectDefined((await opened.entries()).find((e) => e.seq === entry.seq), 'entry').at).toBe(lastAt + 10 * SECOND);
  });
});
