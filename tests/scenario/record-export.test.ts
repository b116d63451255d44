// Exporting a recording (the tamper-evidence issue: the same verification runs before a recorded scenario is exported):
// a recorded session on a stored sandbox exports a file that plays back to its journal; a journal edited in storage
// exports nothing and names what differs; an empty recording says there is nothing to save.
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../src/runtime/sandbox';
import { createWorldSandbox } from '../../src/scenario/open-in-sandbox';
import { recordStep } from '../../src/scenario/record';
import type { RecordedStep } from '../../src/scenario/record';
import { exportRecording } from '../../src/scenario/record-export';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import { freshDb, WallClock } from '../runtime/support/fixture';
import type { WorldCommand } from '../../src/domain';

async function recorded(label: string) {
  const db = freshDb(label);
  const wall = new WallClock();
  const sandboxId = await createWorldSandbox(db, { name: 'Recording', seed: `rec-${label}`, wallNow: wall.now });
  const sandbox = await Sandbox.open(db, sandboxId, wall.read);
  const steps: RecordedStep[] = [];
  const ingrid = Object.values(sandbox.state.phones).find((phone) => phone.label.startsWith('Ingrid'));
  if (!ingrid) throw new Error('no phone');
  // R-BLK-1: three wrong PINs, as the screens send them.
  for (const pin of ['0000', '0001', '0002']) {
    const command: WorldCommand = { type: 'AppEnterPin', phoneId: ingrid.id, pin };
    const before = sandbox.state;
    const result = await sandbox.dispatch(command);
    if (!result.ok) throw result.error;
    steps.push(recordStep(command, before, sandbox.state, sandbox.now(), result.entry, result.refusal));
  }
  return { db, sandbox, recording: { sandboxId, title: 'Three wrong PINs, recorded', seed: `rec-${label}`, startedAt: wall.now, steps } };
}

describe('exporting a recording', () => {
  it('verifies the journal, then the file plays back to it hash for hash', async () => {
    const { db, sandbox, recording } = await recorded('rec-ok');
    const file = await exportRecording(db, recording);
    if (!file.ok) throw new Error(file.why);
    expect(file.fileName).toBe('three-wrong-pins-recorded.scenario.json');
    expect(file.playback).toEqual({ same: true, entries: sandbox.seq });
    const parsed = parseScenarioFile(file.fileName, file.text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(runScenario(parsed.scenarios[0]!.scenario).entries.map((e) => e.hash)).toEqual((await sandbox.entries()).map((e) => e.hash)); // one scenario per recording
    sandbox.close();
  });

  it('a journal edited in storage exports nothing and says where it differs', async () => {
    const { db, sandbox, recording } = await recorded('rec-tampered');
    sandbox.close();
    const row = await db.journal.get([recording.sandboxId, sandbox.seq]);
    if (!row) throw new Error('no row');
    await db.journal.put({ ...row, events: [] });
    const file = await exportRecording(db, recording);
    expect(file).toMatchObject({ ok: false, why: 'not-verified', finding: { kind: 'changed', seq: sandbox.seq } });
  });

  it('an empty recording has nothing to save', async () => {
    const { db, sandbox, recording } = await recorded('rec-empty');
    sandbox.close();
    expect(await exportRecording(db, { ...recording, steps: [] })).toEqual({ ok: false, why: 'empty' });
  });
});
