// The journal: one hash-chained entry per accepted command, refusals not written, state rebuilt from it and from checkpoints.
import { describe, it, expect } from 'vitest';
import { Sandbox, CHECKPOINT_EVERY } from '../../src/runtime/sandbox';
import { foldEntries } from '../../src/runtime/journal';
import { GENESIS_HASH, entryHash, verifyChain } from '../../src/runtime/hash-chain';
import { initialState, DomainError } from '../../src/domain';
import type { WorldCommand } from '../../src/domain';
import { DEFAULT_PEOPLE } from '../../src/runtime/default-world';
import { defaultSandbox, accepted, journalRows, dump, fillerCommand, expectDefined } from './support/fixture';

const INGRID = expectDefined(DEFAULT_PEOPLE.find((p) => p.personId === 'ingrid'), 'ingrid');

describe('dispatch appends one entry per accepted command', () => {
  it('an accepted command is journaled with seq, at, command, events and a hash linked to the entry before', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    const before = await journalRows(db, id);
    const last = expectDefined(before.at(-1), 'last entry of the default world');
    wall.advance(5_000);
    const at = sandbox.now();
    const command: WorldCommand = { type: 'AddPerson', personId: 'nora', name: 'Nora Nilsen', mobile: '+4791234599' };

    const result = await accepted(sandbox, command);

    const after = await journalRows(db, id);
    expect(after).toHaveLength(before.length + 1);
    const entry = expectDefined(after.at(-1), 'new entry');
    expect(result.seq).toBe(last.seq + 1);
    expect(result.refusal).toBeNull();
    expect(entry).toMatchObject({ sandboxId: id, seq: last.seq + 1, at, command, prevHash: last.hash });
    expect(entry.events).toEqual([{ type: 'PersonAdded', personId: 'nora', name: 'Nora Nilsen', mobile: '+4791234599' }]);
    expect(entry.hash).toBe(entryHash(last.hash, entry));
    expect(sandbox.seq).toBe(entry.seq);
    expect(sandbox.state.people['nora']).toEqual({ id: 'nora', name: 'Nora Nilsen', mobile: '+4791234599' });
    const row = expectDefined(await db.sandboxes.get(id), 'sandbox row');
    expect({ headSeq: row.headSeq, headHash: row.headHash }).toEqual({ headSeq: entry.seq, headHash: entry.hash });
  });

  it('the whole journal is a chain from the genesis hash, seqs 1..n without gaps', async () => {
    const { db, id, sandbox } = await defaultSandbox();
    for (let i = 0; i < 6; i += 1) await accepted(sandbox, fillerCommand(i));
    const rows = await journalRows(db, id);

    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    rows.forEach((row, i) => {
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1]?.hash);
      expect(row.hash).toBe(entryHash(row.prevHash, row));
    });
    const checked = verifyChain(rows);
    expect(checked).toMatchObject({ good: rows.length, problem: null });
    expect(checked.lastHash).toBe((await db.sandboxes.get(id))?.headHash);
  });

  it('a refused command with no events writes nothing and returns the domain error', async () => {
    const { db, sandbox } = await defaultSandbox();
    const seq = sandbox.seq;
    const state = sandbox.state;
    const before = await dump(db);

    const result = await sandbox.dispatch({ type: 'AddPerson', personId: 'ingrid', name: 'Ingrid Again', mobile: '+4791234598' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(DomainError);
    expect(result.error).toMatchObject({ code: 'already-exists', field: 'personId' });
    expect(await dump(db)).toEqual(before);
    expect(sandbox.seq).toBe(seq);
    expect(sandbox.state).toBe(state);
  });

  it('R-MGR-1 a Manager action refused for the role (HELPDESK doing BlockPin) is journaled with its audit event', async () => {
    const { db, id, sandbox } = await defaultSandbox();
    const before = await journalRows(db, id);
    const command: WorldCommand = { type: 'BlockPin', by: 'acme-hanne', orgId: 'acme', mobile: INGRID.mobile };

    const result = await sandbox.dispatch(command);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.refusal).toBeInstanceOf(DomainError);
    expect(result.refusal).toMatchObject({ code: 'forbidden', rule: 'R-MGR-1' });
    const after = await journalRows(db, id);
    expect(after).toHaveLength(before.length + 1);
    const entry = expectDefined(after.at(-1), 'journaled refusal');
    expect(entry.command).toEqual(command);
    expect(entry.events).toHaveLength(1);
    expect(entry.events[0]).toMatchObject({
      type: 'AuditRecorded',
      entry: { orgId: 'acme', adminId: 'acme-hanne', targetUsername: 'ingrid', action: { kind: 'refused', permission: 'block-pin', why: 'role', role: 'HELPDESK' } },
    });
    // The refusal blocked nothing.
    const link = Object.values(sandbox.state.server.links).find((l) => l.orgId === 'acme' && l.mobile === INGRID.mobile);
    expect(link?.blocked).toBe(false);
    expect((await sandbox.logs.audit('acme', 0, 1)).rows[0]?.action).toMatchObject({ kind: 'refused', permission: 'block-pin' });
  });
});

describe('the state is rebuilt from the journal', () => {
  it('reopening the sandbox (a second Sandbox.open) gives a deep-equal state and the same head', async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    for (let i = 0; i < 9; i += 1) {
      wall.advance(1_000);
      await accepted(sandbox, fillerCommand(i));
    }
    await sandbox.dispatch({ type: 'BlockPin', by: 'acme-ulf', orgId: 'acme', mobile: INGRID.mobile });

    const reopened = await Sandbox.open(db, id, wall.read);

    expect(await reopened.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(reopened.seq).toBe(sandbox.seq);
    expect(reopened.state).toEqual(sandbox.state);
    expect(reopened.now()).toBe(sandbox.now());
    expect(reopened.state).toEqual(foldEntries(initialState(), await reopened.entries()));
  });

  it(`after more than CHECKPOINT_EVERY (${CHECKPOINT_EVERY}) entries a checkpoint exists, and reopening gives the state of a full fold`, async () => {
    const { db, id, sandbox, wall } = await defaultSandbox();
    let i = 0;
    while (sandbox.seq <= CHECKPOINT_EVERY + 5) {
      wall.advance(100);
      await accepted(sandbox, fillerCommand(i));
      i += 1;
    }

    const snapshots = await db.checkpoints.where('[sandboxId+seq]').between([id, 0], [id, Number.MAX_SAFE_INTEGER], true, true).toArray();
    expect(snapshots.map((s) => s.seq)).toEqual([CHECKPOINT_EVERY]);
    const entries = await sandbox.entries();
    const snapshot = expectDefined(snapshots[0], 'snapshot');
    expect(snapshot.hash).toBe(entries[CHECKPOINT_EVERY - 1]?.hash);
    expect(snapshot.state).toEqual(foldEntries(initialState(), entries.slice(0, CHECKPOINT_EVERY)));
    // The replay's read: the journal and that checkpoint together.
    const history = await sandbox.history();
    expect(history.entries).toEqual(entries);
    expect(history.checkpoints).toEqual([{ seq: CHECKPOINT_EVERY, hash: snapshot.hash, state: snapshot.state }]);

    const reopened = await Sandbox.open(db, id, wall.read);

    const fullFold = foldEntries(initialState(), entries);
    expect(await reopened.whenVerified()).toEqual({ ok: true, verifying: null });
    expect(reopened.seq).toBe(entries.length);
    expect(reopened.state).toEqual(fullFold);
    expect(reopened.state).toEqual(sandbox.state);
  });
});

describe('R-SEC-1 no plaintext PIN is ever in storage', () => {
  it('R-SEC-1 the stored journal (commands and events) checkpoints and read models hold no PIN a person typed', async () => {
    const { db, sandbox } = await defaultSandbox();
    await accepted(sandbox, { type: 'AppChangePin', phoneId: 'ingrid-phone', currentPin: '1234', newPin: '8642', repeat: '8642' });
    const stored = JSON.stringify(await dump(db));
    const pins = [...DEFAULT_PEOPLE.flatMap((p) => (p.pin ? [p.pin] : [])), '8642'];
    for (const pin of pins) expect(stored.includes(`"${pin}"`), `PIN ${pin} stored in IndexedDB`).toBe(false);
  });
});
