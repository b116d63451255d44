// Undo and save points: both on the journal, a new sandbox from a point, the original untouched.
import { describe, expect, it } from 'vitest';
import { savePoint, openPoint, undoLast } from '../../src/runtime/sandboxes';
import { Sandbox } from '../../src/runtime/sandbox';
import { defaultSandbox, accepted, journalRows } from './support/fixture';

describe('save points', () => {
  it('a named point opens as a new sandbox at that position; the sandbox it is in goes on untouched', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    await accepted(sandbox, { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1111' });
    const point = await savePoint(db, id, 'after one wrong PIN');
    await accepted(sandbox, { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1112' });
    expect(point.seq).toBe(sandbox.seq - 1);
    const before = (await journalRows(db, id)).map((row) => row.hash);

    const copyId = await openPoint(db, id, 'after one wrong PIN', wall.now);
    const copy = await Sandbox.open(db, copyId, wall.read);
    expect(copy.info.name).toBe('Test sandbox @ after one wrong PIN');
    expect(copy.seq).toBe(point.seq);
    expect(copy.state.server.holders['+4791234501']?.pinFailures).toBe(1);
    expect((await copy.whenVerified()).ok).toBe(true);
    expect((await journalRows(db, id)).map((row) => row.hash)).toEqual(before);
    copy.close();
    sandbox.close();
  });

  it('refuses an empty name and a name the sandbox already has, and stores nothing', async () => {
    const { db, id, sandbox } = await defaultSandbox();
    await savePoint(db, id, 'start');
    await expect(savePoint(db, id, '  ')).rejects.toThrow('"name" must be 1 to 40 characters');
    await expect(savePoint(db, id, 'Start')).rejects.toThrow('This sandbox already has a point named "Start"');
    expect((await db.sandboxes.get(id))?.points?.map((p) => p.name)).toEqual(['start']);
    sandbox.close();
  });
});

describe('undo', () => {
  it('the first undo makes a new sandbox without the last entry; undo again there goes back in place', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    await accepted(sandbox, { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1111' });
    await accepted(sandbox, { type: 'AppEnterPin', phoneId: 'ingrid-phone', pin: '1112' });
    const head = sandbox.seq;
    const undone = await undoLast(db, id, wall.now);
    expect(undone).not.toBe(id);
    const first = await Sandbox.open(db, undone, wall.read);
    expect(first.seq).toBe(head - 1);
    expect(first.info.name).toBe('Test sandbox (undo)');
    expect(first.state.server.holders['+4791234501']?.pinFailures).toBe(1);
    first.close();
    // The original keeps both wrong PINs.
    expect((await db.sandboxes.get(id))?.headSeq).toBe(head);

    expect(await undoLast(db, undone, wall.now)).toBe(undone);
    const second = await Sandbox.open(db, undone, wall.read);
    expect(second.seq).toBe(head - 2);
    expect(second.state.server.holders['+4791234501']?.pinFailures).toBe(0);
    expect((await second.whenVerified()).ok).toBe(true);
    second.close();
    sandbox.close();
  });
});
