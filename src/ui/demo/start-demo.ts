// Starting a demo: the scenario file read, a new sandbox holding only its world, the demo kept for this tab, and that
// sandbox opened (the player appears when it is). A bad file stores nothing.
import type { SandboxApi } from '../sandbox/sandbox-provider';
import { parseScenarioFile } from '../../scenario/gherkin';
import { createScenarioWorldSandbox } from '../../scenario/open-in-sandbox';
import type { Lang } from '../../scenario/text';
import { loadText } from '../../i18n/ui-text';
import { beginDemo, lastPace } from './demo-session';

export type StartResult = { ok: true; sandboxId: string } | { ok: false; errors: string[] };

export async function startDemo(sandbox: SandboxApi, fileName: string, text: string, options: { lang: Lang; pick?: string }): Promise<StartResult> {
  const parsed = parseScenarioFile(fileName, text);
  if (!parsed.ok) return parsed;
  const loaded = (options.pick ? parsed.scenarios.find((candidate) => candidate.id === options.pick) : undefined) ?? parsed.scenarios[0];
  if (!loaded) return { ok: false, errors: [`${fileName}: no scenario "${options.pick ?? ''}"`] };
  const title = loaded.scenario.title[options.lang].trim() || loaded.id;
  let sandboxId: string;
  try {
    sandboxId = await createScenarioWorldSandbox(sandbox.db, loaded.scenario, { name: (await loadText(options.lang)).demo.sandboxName(title) });
  } catch (error) {
    return { ok: false, errors: [`${fileName}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  beginDemo({ sandboxId, returnTo: sandbox.info().id, fileName, text, caseId: loaded.id, next: 0, held: false, kept: [], pace: lastPace(), paused: false });
  await sandbox.switchTo(sandboxId);
  return { ok: true, sandboxId };
}
