// The bridge from the runtime to Solid: opens the current sandbox and exposes its state, the simulated clock and dispatch as signals.
import { batch, createContext, createMemo, createSignal, onCleanup, onMount, useContext, Show } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import { SandboxDb } from '../../storage/db';
import { Sandbox, SandboxError, statesAround, prepareCommands } from '../../runtime/sandbox';
import type { Checkpoint, DispatchResult, Integrity } from '../../runtime/sandbox';
import type { LogReader } from '../../runtime/log-read-model';
import type { Entry } from '../../runtime/journal';
import { logsUpTo } from '../../runtime/replay/replay-logs';
import { shareUnchanged } from '../../runtime/replay/share-state';
import type { ReplayStates } from '../../runtime/replay/replay-states';
import { useI18n } from '../i18n/i18n-provider';
import { problemWords } from '../common/error-alert';
import { whenIdle } from '../common/focus-when-drawn';
import type { Problem } from '../common/error-alert';
import { workerVerifier, holdVerification } from './worker-verifier';
import { ensureSandbox, listSandboxes } from '../../runtime/sandbox-list';
import type { OpenResult } from '../../scenario/open-in-sandbox';
import type { ImportResult } from '../../runtime/sandboxes';
import type { SandboxRow } from '../../storage/db';
import type { WorldCommand, WorldState } from '../../domain';
import { DomainError } from '../../domain';
import type { HostAnswer } from '../../scenario/run';
import type { AppendResult } from '../../runtime/journal';

const CURRENT_KEY = 'code-sandbox:current';
/** Creating, resetting, forking, importing and the rest: loaded with the first of them, not with the page. */
const actions = () => import('../../runtime/sandboxes');
/** How often the simulated clock on screen is refreshed while it runs. */
const TICK_MS = 200;

export interface SandboxApi {
  /** The world as folded from the journal; a new object whenever anything changed (here or in another tab). */
  world: Accessor<WorldState>;
  /** Simulated server time, ticking while the clock runs (R-CLK-1). */
  now: Accessor<number>;
  /** Journal position of the state shown. */
  seq: Accessor<number>;
  integrity: Accessor<Integrity>;
  /** The event log and audit log read models of the open sandbox (R-MGR-4, R-MGR-5). */
  logs: Accessor<LogReader>;
  info: Accessor<SandboxRow>;
  sandboxes: Accessor<SandboxRow[]>;
  /** Runs a command through the domain core and the journal. */
  dispatch(command: WorldCommand): Promise<DispatchResult>;
  switchTo(id: string): Promise<void>;
  create(name: string): Promise<void>;
  reset(): Promise<void>;
  remove(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  exportFile(): Promise<{ fileName: string; text: string }>;
  importFile(text: string): Promise<ImportResult>;
  /** Undoes the last journal entry: in a new sandbox the first time (the original keeps it), in place after that. */
  undo(): Promise<void>;
  /** Saves the present position under a name. */
  savePoint(name: string): Promise<void>;
  /** Opens a saved point as a new sandbox; this one is untouched. */
  openPoint(name: string): Promise<void>;
  /** Opens a scenario file as a new sandbox in which its steps have run, and switches to it (the scenario code loads on first use). */
  openScenario(fileName: string, text: string, lang: 'en' | 'nb', pick?: string): Promise<OpenResult>;
  /** A new sandbox from the first `seq` entries of this one (decided again); opens it. The original stays as it is. */
  fork(seq: number, name: string): Promise<void>;
  /** The past being shown instead of the present, or null when live. */
  replay: Accessor<ReplayPosition | null>;
  /**
   * Shows the world as it was after entry `seq` on every screen (read-only: dispatch refuses), or the present again
   * with null. Resolves when that moment is on screen; a later call overtakes an earlier one still reading. With
   * `memory` (the timeline's journal in memory) no storage is read, once its worlds reach `seq` and while it holds the
   * journal as it is.
   */
  replayTo(seq: number | null, memory?: ReplayStates): Promise<void>;
  /**
   * Runs a step loop (a scenario's, a training caller's, a demo's) on the open sandbox: each command it yields is
   * dispatched like a person's and its outcome given back. Refused while replaying; a guard does not apply (the loop
   * is the caller, not the person at the screens).
   */
  drive<R>(loop: Generator<WorldCommand, R, HostAnswer>, onCommand?: () => Promise<void> | void): Promise<R>;
  /**
   * Adds a check every command from the screens passes first: a refusal in words, or null to let it through (training
   * keeps the caller's phone in the caller's hands; a recording keeps the clock paused). Returns its removal.
   */
  addGuard(guard: (command: WorldCommand) => string | null): () => void;
  /** Called after every command the open sandbox ran from this tab (the screens' and driven ones), with the world before it. */
  watch(listener: (command: WorldCommand, result: DispatchResult, before: WorldState) => void): () => void;
  /** The database (for training, demos and the recorder, loaded on first use). */
  db: SandboxDb;
  /** Every journal entry of the open sandbox, in order (a training case's assessment). */
  journal(): Promise<Entry[]>;
  /** The journal with the runtime's checkpoints along it: the timeline's replay folds from them. */
  history(): Promise<{ entries: Entry[]; checkpoints: Checkpoint[] }>;
  /** The world as it was after entry `seq` (0: before the first). */
  stateAt(seq: number): Promise<WorldState>;
}

/** A moment of the past on screen: after entry `seq` of `total`, at that entry's server time; the world before it too (the inspector). */
export interface ReplayPosition {
  seq: number;
  total: number;
  at: number;
  state: WorldState;
  before: WorldState;
  entry: Entry;
}

/** How long after a move of the replay the background verification waits before going on. */
const REPLAY_HOLD_MS = 400;

const SandboxContext = createContext<SandboxApi>();

/** The sandbox API; throws outside a SandboxProvider. */
export function useSandbox(): SandboxApi {
  const api = useContext(SandboxContext);
  if (!api) throw new Error('useSandbox must be used inside <SandboxProvider>');
  return api;
}

/** Opens the database, the current sandbox (creating the default world on the very first start) and keeps it live. */
export function SandboxProvider(props: { children: JSX.Element; fallback?: JSX.Element }) {
  const db = new SandboxDb();
  const [sandbox, setSandbox] = createSignal<Sandbox | null>(null, { equals: false });
  const [failure, setFailure] = createSignal<Problem | null>(null);
  const [world, setWorld] = createSignal<WorldState | null>(null);
  const [now, setNow] = createSignal(0);
  const [sandboxes, setSandboxes] = createSignal<SandboxRow[]>([]);
  const [replay, setReplay] = createSignal<ReplayPosition | null>(null);
  /** Counts replayTo calls, so a slow read does not overwrite a newer position. */
  let replayTicket = 0;
  const guards = new Set<(command: WorldCommand) => string | null>();
  const listeners = new Set<(command: WorldCommand, result: DispatchResult, before: WorldState) => void>();
  /** Runs one command on the open sandbox and tells the listeners. */
  const run = async (command: WorldCommand): Promise<DispatchResult> => {
    const box = current();
    const before = box.state;
    const result = await box.dispatch(command);
    sync(box);
    for (const listener of listeners) listener(command, result, before);
    return result;
  };
  const { t } = useI18n();
  let unsubscribe: (() => void) | null = null;

  const refreshList = async () => setSandboxes(await listSandboxes(db));

  /** The background verification's progress and outcome: a signal of its own, so its progress redraws only what shows it. */
  const [integrity, setIntegrity] = createSignal<Integrity>({ ok: true, verifying: null });
  /** What the screens were last given of the open sandbox: a notice that changed none of it is the verification's alone. */
  let shown: { state: WorldState; row: SandboxRow } | null = null;
  const sync = (box: Sandbox) =>
    batch(() => {
      shown = { state: box.state, row: box.info };
      setSandbox(box);
      setNow(box.now());
      setWorld(box.state);
      setIntegrity(box.integrity);
    });

  const open = async (id: string) => {
    const box = await Sandbox.open(db, id, () => Date.now(), workerVerifier);
    replayTicket++;
    setReplay(null);
    unsubscribe?.();
    sandbox()?.close();
    box.watchOtherTabs();
    unsubscribe = box.subscribe(() => {
      // Verification progress (many notices while a long history is checked) changes neither the world nor the row:
      // the screens and the sandbox list are left as they are.
      if (shown?.state === box.state && shown.row === box.info) return void setIntegrity(box.integrity);
      sync(box);
      void refreshList();
    });
    localStorage.setItem(CURRENT_KEY, id);
    sync(box);
    await refreshList();
  };

  onMount(async () => {
    try {
      const id = await ensureSandbox(db, localStorage.getItem(CURRENT_KEY));
      await open(id);
      // The screens are up: the deciding core loads now, so the first command does not wait for it.
      whenIdle(prepareCommands);
    } catch (error) {
      console.error(error);
      setWorld(null);
      setFailure(error instanceof Error ? error : String(error));
    }
  });

  const timer = setInterval(() => {
    const box = sandbox();
    if (box && box.state.clock.running) setNow(box.now());
  }, TICK_MS);
  onCleanup(() => {
    clearInterval(timer);
    unsubscribe?.();
    sandbox()?.close();
    db.close();
  });

  const current = (): Sandbox => {
    const box = sandbox();
    if (!box) throw new Error('The sandbox is not open yet');
    return box;
  };

  /** While replaying, the logs as they were then: entries written later are hidden (counts and pages too). */
  const logs = createMemo((): LogReader | null => {
    const box = sandbox();
    if (!box) return null;
    const past = replay();
    if (!past) return box.logs;
    return logsUpTo(box.logs, { lastEvent: past.state.server.eventLogCount, lastAudit: past.state.server.auditLogCount, at: past.at });
  });

  /** Undo, Save point and Reset change the present: while the past is on screen they are refused like any command. */
  const refuseWhileReplaying = () => {
    if (replay()) throw new SandboxError('replaying', t().timeline.refused);
  };

  const api: SandboxApi = {
    world: () => replay()?.state ?? (world() as WorldState), // only read under <Show when={world()}>
    now: () => replay()?.at ?? now(),
    seq: () => replay()?.seq ?? sandbox()?.seq ?? 0,
    integrity,
    logs: () => logs() ?? current().logs,
    info: () => current().info,
    sandboxes,
    replay,
    async replayTo(seq, memory) {
      const ticket = ++replayTicket;
      const box = current();
      if (seq === null || seq >= box.seq) {
        setReplay(null);
        return;
      }
      const target = Math.max(1, seq);
      // The verification in the background waits while the past is being shown (it competes for the same cores).
      holdVerification(REPLAY_HOLD_MS);
      const around = (memory?.holds(box.info) ? memory.around(target) : null) ?? (await statesAround(db, box.id, target));
      if (ticket !== replayTicket || !around.entry) return;
      // What did not change since the world on screen keeps its objects: the screens redraw only what differs.
      const shown = replay()?.state ?? world();
      const after = shown ? shareUnchanged(around.after, shown) : around.after;
      const before = shareUnchanged(around.before, after);
      setReplay({ seq: target, total: box.seq, at: around.entry.at, state: after, before, entry: around.entry });
    },
    journal: () => current().entries(),
    history: () => {
      // Reading a long history for the Timeline: the background verification waits too.
      holdVerification(REPLAY_HOLD_MS);
      return current().history();
    },
    stateAt: (seq) => current().stateAt(seq),
    async dispatch(command) {
      // Replaying the past: every screen is read-only, so no screen needs its own replay logic.
      if (replay()) return { ok: false, error: new SandboxError('replaying', t().timeline.refused) };
      for (const guard of guards) {
        const refusal = guard(command);
        if (refusal !== null) return { ok: false, error: new SandboxError('guarded', refusal) };
      }
      return run(command);
    },
    async drive(loop, onCommand) {
      for (let next = loop.next(); ; ) {
        if (next.done) return next.value;
        if (replay()) throw new SandboxError('replaying', t().timeline.refused);
        const dispatched = await run(next.value);
        const box = current();
        let result: AppendResult;
        if (dispatched.ok) result = { ok: true, entry: dispatched.entry, state: box.state, reply: dispatched.reply, refusal: dispatched.refusal };
        else if (dispatched.error instanceof DomainError) result = { ok: false, error: dispatched.error };
        else throw dispatched.error;
        await onCommand?.();
        next = loop.next({ result, state: box.state, now: box.now() } satisfies HostAnswer);
      }
    },
    addGuard(guard) {
      guards.add(guard);
      return () => guards.delete(guard);
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    db,
    switchTo: (id) => open(id),
    async create(name) {
      const id = await (await actions()).createSandbox(db, name);
      await open(id);
    },
    async reset() {
      refuseWhileReplaying();
      const box = current();
      await (await actions()).resetSandbox(db, box.id);
      await open(box.id);
    },
    async remove(id) {
      const box = current();
      await (await actions()).deleteSandbox(db, id);
      if (id === box.id) await open(await ensureSandbox(db, null));
      else await refreshList();
    },
    async rename(id, name) {
      await (await actions()).renameSandbox(db, id, name);
      await refreshList();
      if (id === current().id) await current().catchUp();
    },
    async exportFile() {
      const box = current();
      const file = await (await actions()).exportSandbox(db, box.id);
      const safe = box.info.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'sandbox';
      return { fileName: `${safe}.sandbox.json`, text: JSON.stringify(file, null, 1) };
    },
    async fork(seq, name) {
      const id = await (await actions()).forkSandbox(db, current().id, seq, name);
      await open(id);
    },
    async openScenario(fileName, text, lang, pick) {
      const { openScenarioFile } = await import('../../scenario/open-in-sandbox');
      const result = await openScenarioFile(db, fileName, text, pick === undefined ? { lang } : { lang, pick });
      if (result.ok) {
        (await import('./scenario-narration')).saveNarration(result.sandboxId, result.run);
        await open(result.sandboxId);
      }
      return result;
    },
    async undo() {
      refuseWhileReplaying();
      const id = await (await actions()).undoLast(db, current().id);
      await open(id);
    },
    async savePoint(name) {
      refuseWhileReplaying();
      await (await actions()).savePoint(db, current().id, name);
      await current().catchUp();
      sync(current());
    },
    async openPoint(name) {
      const id = await (await actions()).openPoint(db, current().id, name);
      await open(id);
    },
    async importFile(text) {
      const result = await (await actions()).importSandbox(db, text);
      if (result.ok) await open(result.id);
      return result;
    },
  };

  return (
    <Show when={world()} fallback={failure() ? <p role="alert">{/* failure() is set: this is its branch */ t().couldNotOpen(problemWords(failure() as Problem, t()))}</p> : props.fallback}>
      <SandboxContext.Provider value={api}>{props.children}</SandboxContext.Provider>
    </Show>
  );
}
