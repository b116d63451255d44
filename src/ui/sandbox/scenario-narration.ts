// The narration of a scenario opened as a sandbox, kept per sandbox in localStorage so the timeline can show each step's words beside its entries.
import type { ScenarioRun } from '../../scenario/run';

const KEY = (sandboxId: string) => `code-sandbox:narration:${sandboxId}`;

/** One step of the scenario: the journal entries it wrote (first..last), its action and its narration. */
export interface NarratedStep {
  index: number;
  first: number;
  last: number;
  action: string;
  narration: { en: string; nb: string } | null;
}

/** Keeps the steps of a run for the sandbox it was opened as. Storage that refuses is no reason to fail the opening. */
export function saveNarration(sandboxId: string, run: ScenarioRun): void {
  const steps: NarratedStep[] = [];
  for (const outcome of run.steps) {
    const first = outcome.entries[0];
    const last = outcome.entries.at(-1);
    if (!first || !last) continue;
    const narration = 'narration' in outcome.step && outcome.step.narration ? outcome.step.narration : null;
    steps.push({ index: outcome.index, first: first.seq, last: last.seq, action: outcome.step.action, narration });
  }
  try {
    localStorage.setItem(KEY(sandboxId), JSON.stringify(steps));
  } catch {
    // Full or disabled storage: the timeline simply shows no narration.
  }
}

/** The narrated steps of a sandbox opened from a scenario; none for any other sandbox. */
export function loadNarration(sandboxId: string): NarratedStep[] {
  try {
    const text = localStorage.getItem(KEY(sandboxId));
    return text ? (JSON.parse(text) as NarratedStep[]) : []; // written by saveNarration above
  } catch {
    return [];
  }
}
