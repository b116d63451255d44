// The inspector's words for a command and its actor: every command of a scenario's journal in English and Norwegian.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioFile } from '../../src/scenario/gherkin';
import { runScenario } from '../../src/scenario/run';
import { describeActor, describeCommand } from '../../src/i18n/describe-command';
import { foldEntries } from '../../src/runtime/journal';
import { initialState } from '../../src/domain';

describe('describeCommand and describeActor', () => {
  it.each(['display-ubc-online-unblock.scenario.json', 'offline-unblock-code.scenario.json'])('%s: every entry in words, in both languages', (file) => {
    const parsed = parseScenarioFile(file, readFileSync(new URL(`../../src/scenario/library/${file}`, import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const run = runScenario(parsed.scenarios[0]!.scenario); // the library file holds one scenario
    let world = initialState();
    for (const entry of run.entries) {
      const en = describeCommand(entry.command, world, 'en');
      const nb = describeCommand(entry.command, world, 'nb');
      expect(en.length).toBeGreaterThan(3);
      expect(nb.length).toBeGreaterThan(3);
      // R-SEC-1: a PIN typed never appears in the words.
      if ('pin' in entry.command) expect(en).not.toContain(entry.command.pin);
      expect(describeActor(entry.command, world, 'nb')).not.toBe('');
      world = foldEntries(world, [entry]);
    }
    const admin = run.entries.find((entry) => entry.command.type === 'DisplayUbc');
    if (admin) expect(describeActor(admin.command, world, 'en')).toMatch(/\(SUPERUSER|USERADMIN|HELPDESK/);
  });
});
