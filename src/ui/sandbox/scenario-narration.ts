// The narration and trainer's notes of a scenario opened as a sandbox, kept per sandbox in localStorage so the timeline can show each step's words beside its entries.
import type { ScenarioRun, StepOutcome } from '../../scenario/run';

const KEY = (sandboxId: string) => `code-sandbox:narration:${sandboxId}`;

/** A trainer's note on a step, in either language or both (docs/scenarios.md, `note`). */
export interface TrainerNote {
  en?: string;
  nb?: string;
}

/** One step of the scenario: the journal entries it wrote (first..last), its action, its narration and the trainer's note. */
export interface NarratedStep {
  index: number;
  first: number;
  last: number;
  action: string;
  narration: { en: string; nb: string } | null;
  /** Null when the step has none (and in what an earlier version stored, which had no notes). */
  note: TrainerNote | null;
}

/** A note with at least one language that says something, or null. */
function usableNote(note: TrainerNote | undefined): TrainerNote | null {
  if (!note) return null;
  const kept: TrainerNote = {};
  if (note.en?.trim()) kept.en = note.en;
  if (note.nb?.trim()) kept.nb = note.nb;
  return kept.en !== undefined || kept.nb !== undefined ? kept : null;
}

/** A note in the language asked for, or in the other one (`fallback`) when it is not written in that one. */
export function noteIn(note: TrainerNote | null, lang: 'en' | 'nb'): { text: string; fallback: boolean } | null {
  const own = note?.[lang];
  if (own) return { text: own, fallback: false };
  const other = note?.[lang === 'en' ? 'nb' : 'en'];
  return other ? { text: other, fallback: true } : null;
}

/** A step that wrote entries, as the timeline keeps it; null for a step that wrote none. */
function narrated(outcome: StepOutcome): NarratedStep | null {
  const first = outcome.entries[0];
  const last = outcome.entries.at(-1);
  if (!first || !last) return null;
  const narration = 'narration' in outcome.step && outcome.step.narration ? outcome.step.narration : null;
  const note = usableNote(outcome.step.note);
  return { index: outcome.index, first: first.seq, last: last.seq, action: outcome.step.action, narration, note };
}

function store(sandboxId: string, steps: NarratedStep[]): void {
  try {
    localStorage.setItem(KEY(sandboxId), JSON.stringify(steps));
  } catch {
    // Full or disabled storage: the timeline simply shows no narration or notes.
  }
}

/** Keeps the steps of a run for the sandbox it was opened as. Storage that refuses is no reason to fail the opening. */
export function saveNarration(sandboxId: string, run: ScenarioRun): void {
  store(sandboxId, run.steps.map(narrated).filter((step): step is NarratedStep => step !== null));
}

/** Adds one step played on a sandbox (a demo plays them one at a time) to what the timeline shows for it. */
export function addNarratedStep(sandboxId: string, outcome: StepOutcome): void {
  const step = narrated(outcome);
  if (!step) return;
  const steps = loadNarration(sandboxId).filter((kept) => kept.index !== step.index);
  store(sandboxId, [...steps, step].sort((a, b) => a.index - b.index));
}

/** The narrated steps of a sandbox opened from a scenario; none for any other sandbox. */
export function loadNarration(sandboxId: string): NarratedStep[] {
  try {
    const text = localStorage.getItem(KEY(sandboxId));
    const steps = text ? (JSON.parse(text) as NarratedStep[]) : []; // written by saveNarration above
    return steps.map((step) => ({ ...step, note: step.note ?? null }));
  } catch {
    return [];
  }
}
