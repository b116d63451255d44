// Exporting a recording: the recorded sandbox's journal is verified first (every command decided again, the check behind
// open and import), then the scenario file is played back headless against it. A journal that does not verify exports
// nothing; a file that plays back differently (steps moved or dropped) is exported and says so.
import type { SandboxDb } from '../storage/db';
import { verifySandbox } from '../runtime/verify';
import { readJournal } from '../runtime/sandbox';
import type { Finding } from '../runtime/reverify';
import { recordingScenario, comparePlayback } from './record';
import type { RecordedStep, Playback } from './record';

export interface RecordingToExport {
  sandboxId: string;
  title: string;
  seed: string;
  startedAt: number;
  steps: readonly RecordedStep[];
}

export type RecordingExport =
  | { ok: true; fileName: string; text: string; playback: Playback; entries: number }
  | { ok: false; why: 'empty' }
  | { ok: false; why: 'not-verified'; finding: Finding | null };

/** A file id from a title: lowercase letters, digits and "-". */
export function recordingId(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'recording';
}

/** The recording as a scenario file, once its journal has verified; with how it plays back against that journal. */
export async function exportRecording(db: SandboxDb, recording: RecordingToExport): Promise<RecordingExport> {
  if (recording.steps.length === 0) return { ok: false, why: 'empty' };
  const report = await verifySandbox(db, recording.sandboxId);
  if (!report.ok) return { ok: false, why: 'not-verified', finding: report.finding };
  const scenario = recordingScenario({ id: recordingId(recording.title), title: recording.title, seed: recording.seed, recordedAt: recording.startedAt, steps: recording.steps });
  const journal = (await readJournal(db, recording.sandboxId)).map(({ sandboxId: _id, ...entry }) => entry);
  return { ok: true, fileName: `${scenario.id ?? 'recording'}.scenario.json`, text: `${JSON.stringify(scenario, null, 2)}\n`, playback: comparePlayback(scenario, journal), entries: journal.length };
}
