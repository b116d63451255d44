// The timeline's state: the journal of the open sandbox with each entry's kind and facets, the filters, the position shown and playing.
import { createEffect, createMemo, createResource, createSignal, on, onCleanup, untrack } from 'solid-js';
import type { Accessor } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { entryFacets, ENTRY_KINDS } from '../../runtime/replay/entry-kind';
import { ReplayStates } from '../../runtime/replay/replay-states';
import type { EntryFacets, EntryKind } from '../../runtime/replay/entry-kind';
import type { Entry } from '../../runtime/journal';
import { describeCommand } from '../../i18n/describe-command';
import { describeEvent, describeAudit } from '../../i18n/describe-event';
import { loadNarration } from '../sandbox/scenario-narration';
import type { NarratedStep } from '../sandbox/scenario-narration';

export const SPEEDS = [1, 2, 5, 10, 50] as const;

export interface TimelineModel {
  entries: Accessor<Entry[]>;
  facets: Accessor<EntryFacets[]>;
  /** Indexes (seq - 1) of the entries the filters let through, in order. */
  shown: Accessor<number[]>;
  kinds: Accessor<ReadonlySet<EntryKind>>;
  toggleKind(kind: EntryKind): void;
  person: Accessor<string>;
  setPerson(mobile: string): void;
  org: Accessor<string>;
  setOrg(orgId: string): void;
  search: Accessor<string>;
  setSearch(text: string): void;
  /** The position shown: after entry `position()`; the last entry is the present. */
  position: Accessor<number>;
  total: Accessor<number>;
  goTo(seq: number): void;
  step(direction: 1 | -1): void;
  playing: Accessor<boolean>;
  setPlaying(on: boolean): void;
  speed: Accessor<number>;
  setSpeed(n: number): void;
  loading: Accessor<boolean>;
  /** The steps of the scenario the sandbox was opened from, with their narration and trainer's notes; none for other sandboxes. */
  steps: Accessor<NarratedStep[]>;
  /** The scenario step that wrote entry `seq`, if any. */
  stepAt(seq: number): NarratedStep | undefined;
}

/** The longest run of the replay's fold in one idle period. */
const IDLE_SLICE_MS = 4;
/**
 * The fold's first run, as the journal arrives (part of opening the Timeline, not of a moment): the first worlds are
 * there and the fold's code is compiled before a person can ask for a moment.
 */
const FIRST_SLICE_MS = 16;

/** Runs `work` when the page is idle, with the time left of that idle period (a few milliseconds where there is no requestIdleCallback). */
function whenIdle(work: (timeLeft: () => number) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => work(() => deadline.timeRemaining()));
  else setTimeout(() => {
    const end = performance.now() + IDLE_SLICE_MS;
    work(() => end - performance.now());
  }, 20);
}

/** Reads the journal of the open sandbox (again when it grows or another one opens) and drives replay through the provider. */
export function createTimeline(): TimelineModel {
  const sandbox = useSandbox();
  const { lang } = useI18n();
  const liveKey = () => `${sandbox.info().id}:${sandbox.info().headSeq}`;
  const [journal] = createResource(liveKey, () => sandbox.history());
  const entries = createMemo<Entry[]>((prev) => journal()?.entries ?? prev, []);
  const total = () => entries().length;
  // Phones and people are never removed, so the world when the journal was read names them all; scrubbing does not redo this.
  const facets = createMemo(() => {
    const list = entries();
    const world = untrack(() => sandbox.world());
    return list.map((entry) => entryFacets(entry, world));
  });
  const [kinds, setKinds] = createSignal<ReadonlySet<EntryKind>>(new Set(ENTRY_KINDS));
  const [person, setPerson] = createSignal('');
  const [org, setOrg] = createSignal('');
  const [search, setSearch] = createSignal('');
  const texts = createMemo(() => {
    if (search().trim() === '') return null;
    const l = lang();
    const world = untrack(() => sandbox.world());
    return entries().map((entry) => {
      const parts = [describeCommand(entry.command, world, l)];
      for (const event of entry.events) {
        if (event.type === 'EventLogged') parts.push(event.entry.username, describeEvent(event.entry.reason, l));
        if (event.type === 'AuditRecorded') parts.push(describeAudit(event.entry.action, l));
      }
      return parts.join(' ').toLowerCase();
    });
  });
  const shown = createMemo(() => {
    const k = kinds();
    const p = person();
    const o = org();
    const needle = search().trim().toLowerCase();
    const text = texts();
    const out: number[] = [];
    facets().forEach((f, i) => {
      if (!k.has(f.kind)) return;
      if (p !== '' && !f.mobiles.includes(p)) return;
      if (o !== '' && !f.orgIds.includes(o)) return;
      if (text && !text[i]?.includes(needle)) return;
      out.push(i);
    });
    return out;
  });
  // The worlds to replay, folded from these entries in memory while the page is idle, and until then from the
  // checkpoints read with them: showing a moment reads no storage (unless it is far from every checkpoint read).
  const memory = createMemo(() => {
    const states = new ReplayStates(entries(), untrack(() => journal()?.checkpoints));
    let stopped = false;
    // A few milliseconds at a time, so a move of the slider never waits long behind it.
    const fold = (timeLeft: () => number) => {
      const end = performance.now() + IDLE_SLICE_MS;
      if (!stopped && states.extend(() => timeLeft() < 1 || performance.now() > end)) whenIdle(fold);
    };
    const first = performance.now() + FIRST_SLICE_MS;
    if (states.extend(() => performance.now() > first)) whenIdle(fold);
    onCleanup(() => (stopped = true));
    return states;
  });
  const position = () => sandbox.replay()?.seq ?? total();
  /** Entry 1 at the earliest (before it the world is empty); the last entry is the present. */
  const goTo = (seq: number) => {
    const target = Math.max(1, Math.min(total(), seq));
    void sandbox.replayTo(target >= total() ? null : target, memory());
  };
  const step = (direction: 1 | -1) => {
    const list = shown();
    const at = position();
    const next = direction > 0 ? list.find((i) => i + 1 > at) : [...list].reverse().find((i) => i + 1 < at);
    if (next !== undefined) goTo(next + 1);
    else if (direction > 0) goTo(total());
  };
  // Read once per sandbox opened, not on every change of it.
  const sandboxId = createMemo(() => sandbox.info().id);
  const steps = createMemo(() => loadNarration(sandboxId()));
  const stepAt = (seq: number) => steps().find((s) => s.first <= seq && seq <= s.last);
  const [playing, setPlaying] = createSignal(false);
  const [speed, setSpeed] = createSignal<number>(2);
  createEffect(on([playing, speed], ([on, perSecond]) => {
    if (!on) return;
    const timer = setInterval(() => {
      if (position() >= total()) setPlaying(false);
      else step(1);
    }, 1000 / perSecond);
    onCleanup(() => clearInterval(timer));
  }));
  return {
    entries, facets, shown, kinds,
    toggleKind: (kind) => setKinds((old) => { const next = new Set(old); if (next.has(kind)) next.delete(kind); else next.add(kind); return next; }),
    person, setPerson, org, setOrg, search, setSearch, position, total, goTo, step, playing, setPlaying, speed, setSpeed,
    loading: () => journal.loading && entries().length === 0,
    steps, stepAt,
  };
}
