// Training sessions on IndexedDB (fake-indexeddb): a case started as a sandbox with its session in one go, a bad start
// storing nothing, the finish verifying the journal, and the export verifying every journal again (a journal edited
// after the finish is reported, a deleted sandbox too), as the tamper-evidence issue asks of exported results.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Sandbox } from '../../src/runtime/sandbox';
import { startTraining, finishTraining, exportResults, resultsOf, recordInTraining, trainingIn, caseOf } from '../../src/scenario/training-store';
import { driveSandbox } from '../../src/scenario/sandbox-host';
import { stepsLoop } from '../../src/scenario/run';
import { callerLoop, callerReply, requestOf } from '../../src/scenario/training';
import { Step } from '../../src/scenario/format';
import * as v from 'valibot';
import { freshDb, WallClock } from '../runtime/support/fixture';
import { deleteSandbox } from '../../src/runtime/sandboxes';

const FILE = 'display-ubc-online-unblock.scenario.json';
const TEXT = readFileSync(new URL(`../../src/scenario/library/${FILE}`, import.meta.url), 'utf8');

async function started(label: string) {
  const db = freshDb(label);
  const wall = new WallClock();
  const start = await startTraining(db, { fileName: FILE, text: TEXT, trainee: '  Tina   Trainee ', wallNow: wall.now });
  if (!start.ok) throw new Error(start.errors.join('\n'));
  const sandbox = await Sandbox.open(db, start.sandboxId, wall.read);
  return { db, wall, start, sandbox };
}

/** The trainee displays the UBC, reads it out, and the caller logs in: the case done right. */
async function doneRight(db: ReturnType<typeof freshDb>, sandbox: Sandbox, trainingId: string) {
  const trainee = await driveSandbox(stepsLoop([v.parse(Step, { actor: { admin: 'ulf.users' }, action: 'display UBC', user: 'ingrid', keep: { ubc: 'ubc' } })], { state: sandbox.state, now: sandbox.now() }), sandbox);
  let row = await trainingIn(db, sandbox.id);
  const found = row ? caseOf(row) : null;
  if (!row || !found) throw new Error('no session');
  for (const [id, said] of [['read-ubc', trainee.kept.get('ubc')], ['log-in', undefined]] as const) {
    const request = requestOf(found.training, id);
    if (!request) throw new Error(id);
    const run = await driveSandbox(callerLoop(request, said, new Map(Object.entries(row.kept)), { state: sandbox.state, now: sandbox.now() }, 'en'), sandbox);
    const reply = callerReply(found.training, request, run);
    expect(reply.ok).toBe(true);
    row = await recordInTraining(db, trainingId, { talk: { at: 0, request: id, said: said ?? null, ok: reply.ok, reply: reply.text }, kept: Object.fromEntries(run.kept) });
  }
}

describe('training sessions in IndexedDB', () => {
  it('a case starts as a new sandbox holding the setup, with its session; the name is tidied', async () => {
    const { db, start, sandbox } = await started('training-start');
    expect(start.training.trainee).toBe('Tina Trainee');
    expect(sandbox.seq).toBe(start.training.startSeq);
    expect((await trainingIn(db, start.sandboxId))?.id).toBe(start.training.id);
    // R-BLK-1: the setup's three wrong PINs have blocked Ingrid's PIN before the call.
    const ingrid = Object.values(sandbox.state.server.links).find((link) => link.username === 'ingrid');
    expect(ingrid?.blocked).toBe(true);
    sandbox.close();
  });

  it('a start with no name, or a file that is not a training case, stores nothing and says why', async () => {
    const db = freshDb('training-refused');
    const noName = await startTraining(db, { fileName: FILE, text: TEXT, trainee: '   ' });
    expect(noName).toEqual({ ok: false, errors: ['A trainee\'s name is 1 to 60 characters'] });
    const plain = readFileSync(new URL('../../src/scenario/library/three-wrong-pins.scenario.json', import.meta.url), 'utf8');
    const notTraining = await startTraining(db, { fileName: 'three-wrong-pins.scenario.json', text: plain, trainee: 'Tina' });
    expect(notTraining.ok).toBe(false);
    expect(await db.sandboxes.count()).toBe(0);
    expect(await db.trainings.count()).toBe(0);
  });

  it('finishing verifies the journal and assesses the world; the export verifies each journal again', async () => {
    const { db, wall, start, sandbox } = await started('training-finish');
    await doneRight(db, sandbox, start.training.id);
    wall.advance(95_000);
    const result = await finishTraining(db, start.training.id, { world: sandbox.state, serverNow: sandbox.now(), entries: await sandbox.entries() }, wall.now);
    expect(result.goals.every((goal) => goal.met)).toBe(true);
    expect(result.mistakes).toEqual([]);
    expect(result.seconds).toBe(95);
    expect(result.journal).toMatchObject({ verified: true, finding: null, entries: sandbox.seq });
    expect(result.yourPath.length).toBe(sandbox.seq - start.training.startSeq);
    await expect(recordInTraining(db, start.training.id, { hint: { goal: 'unblocked', level: 0, at: 0 } })).rejects.toThrow('finished');
    expect((await resultsOf(db, 'Tina Trainee')).length).toBe(1);
    sandbox.close();

    // Someone edits a journal row after the finish (events emptied, chain untouched): the export says so.
    const row = await db.journal.get([start.sandboxId, start.training.startSeq + 1]);
    if (!row) throw new Error('no row');
    await db.journal.put({ ...row, events: [] });
    const exported = JSON.parse((await exportResults(db, 'Tina Trainee')).text) as { results: { journal: { verified: boolean; verifiedAtFinish: boolean; finding: { kind: string; seq: number } } }[] };
    expect(exported.results[0]?.journal).toMatchObject({ verified: false, verifiedAtFinish: true, finding: { kind: 'changed', seq: start.training.startSeq + 1 } });

    // The sandbox deleted: the export says its journal could not be checked again.
    await deleteSandbox(db, start.sandboxId);
    const gone = JSON.parse((await exportResults(db, 'Tina Trainee')).text) as { results: { journal: { verified: boolean; finding: string } }[] };
    expect(gone.results[0]?.journal).toMatchObject({ verified: false, finding: 'gone' });
  });
});
