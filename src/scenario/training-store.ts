// Training sessions on IndexedDB: a case started as a new sandbox with its session row in one transaction, the
// caller's answers and hints kept as they happen, the result set at the finish with the journal verified, and every
// result of a trainee exported with its journal verified again.
import type { SandboxDb, TrainingRow } from '../storage/db';
import { writeSandbox, sandboxWriteTables } from '../runtime/sandbox-store';
import { newSandboxId, clockAnchorAfter } from '../runtime/sandboxes';
import { verifySandbox } from '../runtime/verify';
import type { VerifyReport } from '../runtime/verify';
import type { Finding } from '../runtime/reverify';
import type { WorldState } from '../domain';
import type { Entry } from '../runtime/journal';
import { parseScenarioFile } from './gherkin';
import { runScenario } from './run';
import { findAdmin, findPhone, StepError } from './resolve';
import type { LoadedScenario } from './load';
import type { Scenario, Training } from './format';
import { assess, expectedPath, pathOf, setupOf, trainingOf } from './training';
import type { Assessment, PathStep } from './training';
import type { Bilingual } from './text';

export const MAX_TRAINEE_NAME = 60;
export const RESULT_FORMAT = 'code-sandbox-training-result';

/** A finished case: what was met and missed, the mistakes, time and hints, both paths, and whether the journal verified. */
export interface TrainingResult {
  format: typeof RESULT_FORMAT;
  version: 1;
  trainee: string;
  case: { id: string; title: Bilingual };
  startedAt: number;
  finishedAt: number;
  /** Wall-clock seconds from the start of the call to the finish. */
  seconds: number;
  goals: { id: string; text: Bilingual; met: boolean }[];
  mistakes: { id: string; text: Bilingual }[];
  hintsUsed: number;
  yourPath: PathStep[];
  expectedPath: PathStep[];
  journal: JournalCheck;
}

/** The verification of the case's sandbox: every command decided again from the seed (the check behind open and import). */
export interface JournalCheck {
  sandboxId: string;
  entries: number;
  headHash: string;
  verified: boolean;
  /** The first difference found, when not verified; "gone" when the sandbox was deleted. */
  finding: Finding | 'gone' | null;
  checkedAt: number;
  /** In an export: whether the journal verified when the case was finished (the sandbox may have gone since). */
  verifiedAtFinish?: boolean;
}

export type StartResult =
  | { ok: true; sandboxId: string; training: TrainingRow; /** The administrator the trainee is, for Manager's sign-in. */ adminId: string; /** The caller's phone, for the Code app pane. */ callerPhoneId: string }
  | { ok: false; errors: string[] };

/** A trainee's name as kept: trimmed, non-empty, at most MAX_TRAINEE_NAME characters; null when it is not a name. */
export function traineeName(text: string): string | null {
  const name = text.trim().replace(/\s+/g, ' ');
  return name.length > 0 && name.length <= MAX_TRAINEE_NAME ? name : null;
}

/** The case of a session, read from the file it keeps; null when the file no longer is a training case. */
export function caseOf(row: Pick<TrainingRow, 'fileName' | 'text' | 'caseId'>): { loaded: LoadedScenario; scenario: Scenario; training: Training } | null {
  const parsed = parseScenarioFile(row.fileName, row.text);
  if (!parsed.ok) return null;
  const loaded = parsed.scenarios.find((candidate) => candidate.id === row.caseId);
  const training = loaded ? trainingOf(loaded.scenario) : null;
  return loaded && training ? { loaded, scenario: loaded.scenario, training } : null;
}

/**
 * Starts a training case as a new sandbox: the case's world and setup steps run headless (the same loop as every
 * scenario), stored with a session row in one transaction. A bad file or a setup that does not pass stores nothing.
 */
export async function startTraining(db: SandboxDb, input: { fileName: string; text: string; caseId?: string; trainee: string; wallNow?: number }): Promise<StartResult> {
  const trainee = traineeName(input.trainee);
  if (trainee === null) return { ok: false, errors: [`A trainee's name is 1 to ${MAX_TRAINEE_NAME} characters`] };
  const parsed = parseScenarioFile(input.fileName, input.text);
  if (!parsed.ok) return parsed;
  const loaded = input.caseId === undefined ? parsed.scenarios.find((candidate) => candidate.scenario.training) : parsed.scenarios.find((candidate) => candidate.id === input.caseId);
  if (!loaded) return { ok: false, errors: [`${input.fileName}: no training case${input.caseId ? ` "${input.caseId}"` : ''} in the file`] };
  const training = trainingOf(loaded.scenario);
  if (!training) return { ok: false, errors: [`${input.fileName}: "${loaded.id}" is a scenario without a training section`] };
  const setup = runScenario(setupOf(loaded.scenario, training));
  if (setup.status !== 'passed') {
    const problem = setup.steps.find((step) => step.status !== 'passed');
    return { ok: false, errors: [`${input.fileName}: the case's setup does not pass${problem ? ` at steps[${problem.index}] (${problem.step.action})` : `: ${setup.worldError ?? ''}`}`] };
  }
  let adminId: string;
  let callerPhoneId: string;
  try {
    adminId = findAdmin(setup.state, training.trainee.admin, training.trainee.org).id;
    callerPhoneId = findPhone(setup.state, training.caller.phone).id;
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    return { ok: false, errors: [`${input.fileName}: training: ${error.message}`] };
  }
  const wallNow = input.wallNow ?? Date.now();
  const sandboxId = newSandboxId();
  const row: TrainingRow = {
    id: `trn-${crypto.randomUUID().slice(0, 8)}`,
    sandboxId,
    trainee,
    caseId: loaded.id,
    fileName: input.fileName,
    text: input.text,
    startedAt: wallNow,
    startSeq: setup.entries.length,
    kept: Object.fromEntries(setup.steps.flatMap((step) => Object.entries(step.kept))),
    hints: [],
    talk: [],
    result: null,
    finishedAt: null,
  };
  const name = `${loaded.scenario.title.en.slice(0, 40)} (${trainee})`;
  await db.transaction('rw', [...sandboxWriteTables(db), db.trainings], async () => {
    await writeSandbox(db, { id: sandboxId, name, seed: loaded.scenario.seed, createdAt: wallNow, clockAnchorWall: clockAnchorAfter(setup.entries, setup.state.clock, wallNow) }, setup.entries);
    await db.trainings.add(row);
  });
  return { ok: true, sandboxId, training: row, adminId, callerPhoneId };
}

/** The session of a sandbox (one case per sandbox), finished or not. */
export async function trainingIn(db: SandboxDb, sandboxId: string): Promise<TrainingRow | undefined> {
  return db.trainings.where('sandboxId').equals(sandboxId).first();
}

/** Keeps what happened in the call (a caller's answer, a hint) as it happens. Refused once the case is finished. */
export async function recordInTraining(db: SandboxDb, id: string, change: { talk?: TrainingRow['talk'][number]; hint?: TrainingRow['hints'][number]; kept?: Record<string, string> }): Promise<TrainingRow> {
  return db.transaction('rw', db.trainings, async () => {
    const row = await db.trainings.get(id);
    if (!row) throw new Error('This training session is gone');
    if (row.finishedAt !== null) throw new Error('This case is finished');
    const next: TrainingRow = {
      ...row,
      talk: change.talk ? [...row.talk, change.talk] : row.talk,
      hints: change.hint ? [...row.hints, change.hint] : row.hints,
      kept: change.kept ? { ...row.kept, ...change.kept } : row.kept,
    };
    await db.trainings.put(next);
    return next;
  });
}

async function check(db: SandboxDb, sandboxId: string, wallNow: number): Promise<JournalCheck> {
  const row = await db.sandboxes.get(sandboxId);
  if (!row) return { sandboxId, entries: 0, headHash: '', verified: false, finding: 'gone', checkedAt: wallNow };
  const report: VerifyReport = await verifySandbox(db, sandboxId);
  return { sandboxId, entries: report.total, headHash: row.headHash, verified: report.ok, finding: report.finding, checkedAt: wallNow };
}

/** The case's assessment of a sandbox's world and the entries after the call began. */
export function assessSession(training: Training, startSeq: number, world: WorldState, now: number, entries: readonly Entry[]): Assessment {
  return assess(training, { world, now, entries: entries.filter((entry) => entry.seq > startSeq), lang: 'en' });
}

/**
 * Finishes a case: the journal is verified first (every command decided again), then the goals and mistakes are
 * assessed on the world it folds to, and the result is stored with the session.
 */
export async function finishTraining(db: SandboxDb, id: string, now: { world: WorldState; serverNow: number; entries: readonly Entry[] }, wallNow = Date.now()): Promise<TrainingResult> {
  const row = await db.trainings.get(id);
  if (!row) throw new Error('This training session is gone');
  if (row.result) return row.result as TrainingResult; // written by this function below
  const found = caseOf(row);
  if (!found) throw new Error(`${row.fileName}: the case can no longer be read`);
  const journal = await check(db, row.sandboxId, wallNow);
  const assessment = assessSession(found.training, row.startSeq, now.world, now.serverNow, now.entries);
  const result: TrainingResult = {
    format: RESULT_FORMAT,
    version: 1,
    trainee: row.trainee,
    case: { id: row.caseId, title: found.scenario.title },
    startedAt: row.startedAt,
    finishedAt: wallNow,
    seconds: Math.max(0, Math.round((wallNow - row.startedAt) / 1000)),
    goals: assessment.goals.map((goal) => ({ id: goal.id, text: goal.text, met: goal.met })),
    mistakes: assessment.mistakes,
    hintsUsed: row.hints.length,
    yourPath: pathOf(now.entries.filter((entry) => entry.seq > row.startSeq), now.world),
    expectedPath: expectedPath(found.scenario, found.training),
    journal,
  };
  await db.trainings.update(id, { result, finishedAt: wallNow });
  return result;
}

/** Every finished result of a trainee, newest first. */
export async function resultsOf(db: SandboxDb, trainee: string): Promise<TrainingResult[]> {
  const rows = await db.trainings.where('trainee').equals(trainee).toArray();
  return rows
    .filter((row) => row.result !== null)
    .map((row) => row.result as TrainingResult) // set only by finishTraining
    .sort((a, b) => b.finishedAt - a.finishedAt);
}

/**
 * The export of a trainee's results: each result's journal verified again now (the same check as open and import),
 * so the file says whether each journal still verifies, not only whether it did at the finish.
 */
export async function exportResults(db: SandboxDb, trainee: string, wallNow = Date.now()): Promise<{ fileName: string; text: string }> {
  const results = await resultsOf(db, trainee);
  const checked: TrainingResult[] = [];
  for (const result of results) checked.push({ ...result, journal: { ...(await check(db, result.journal.sandboxId, wallNow)), verifiedAtFinish: result.journal.verified } });
  const safe = trainee.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'trainee';
  const file = { format: `${RESULT_FORMAT}s`, version: 1, trainee, exportedAt: wallNow, results: checked };
  return { fileName: `training-${safe}.json`, text: JSON.stringify(file, null, 1) };
}
