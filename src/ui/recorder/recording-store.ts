// A recording in progress or stopped, kept per sandbox in localStorage so a reload loses no step. Small and eager: the
// lab bar asks whether the open sandbox is being recorded before the recorder's code is loaded.
import { createSignal } from 'solid-js';
import type { RecordedStep } from '../../scenario/record';

const KEY = (sandboxId: string) => `code-sandbox:recording:${sandboxId}`;

export interface Recording {
  sandboxId: string;
  title: string;
  seed: string;
  startedAt: number;
  active: boolean;
  /** Steps were moved or removed since they were recorded. */
  edited: boolean;
  steps: RecordedStep[];
}

/** The recording of a sandbox, or null. Unreadable storage counts as none. */
export function loadRecording(sandboxId: string): Recording | null {
  try {
    const text = localStorage.getItem(KEY(sandboxId));
    return text ? (JSON.parse(text) as Recording) : null; // written by saveRecording below
  } catch {
    return null;
  }
}

/** Keeps a recording; false when storage refused (full or disabled), so the recorder can say so. */
export function saveRecording(recording: Recording): boolean {
  try {
    localStorage.setItem(KEY(recording.sandboxId), JSON.stringify(recording));
    return true;
  } catch {
    return false;
  }
}

export function forgetRecording(sandboxId: string): void {
  try {
    localStorage.removeItem(KEY(sandboxId));
  } catch {
    // nothing kept, nothing to forget
  }
}


/** Bumped whenever a recording is written, so what shows it (the lab bar's button, the recorder) reads it again. */
const [tick, setTick] = createSignal(0);
export const recordingChanged = tick;

/** Keeps a recording and tells its readers. */
export function storeRecording(recording: Recording): boolean {
  const ok = saveRecording(recording);
  setTick((n) => n + 1);
  return ok;
}

/** The open sandbox's recording, read again whenever one is written. */
export function currentRecording(sandboxId: string): Recording | null {
  tick();
  return loadRecording(sandboxId);
}

/** Removes a sandbox's recording and tells its readers. */
export function dropRecording(sandboxId: string): void {
  forgetRecording(sandboxId);
  setTick((n) => n + 1);
}
