// The human form of a scenario: Gherkin `.feature` files in English or Norwegian (`# language: no`), parsed with the
// Cucumber project's own parser, each step matched against one vocabulary that compiles to the scenario JSON.
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import type { GherkinDocument, Pickle } from '@cucumber/messages';
import { ACTIONS } from './actions';
import type { ActionSpec, Template } from './actions';
import { EXPECTATION_TEMPLATES } from './expectations';
import type { ExpectationTemplate } from './expectations';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './format';
import { checkScenario, idFromFile, MAX_SCENARIO_BYTES, parseScenarioJson } from './load';
import type { LoadResult, LoadedScenario } from './load';
import type { Lang } from './text';

/** Steps under Given that set the scenario up rather than act, per language. */
export const SETUP_TEMPLATES: Record<Lang, { defaultWorld: string; seed: string; start: string; world: string }> = {
  en: { defaultWorld: 'the default world', seed: 'the seed {seed}', start: 'the time is {start}', world: 'the world from these commands' },
  nb: { defaultWorld: 'standardverdenen', seed: 'frøet {seed}', start: 'tiden er {start}', world: 'verdenen fra disse kommandoene' },
};

/** What a step may end with to keep the value it shows (the action's first keepable value). */
export const KEEP_SUFFIX: Record<Lang, string> = { en: ', kept as {keepAs}', nb: ', lagret som {keepAs}' };

/** Placeholders whose value is a number (written with or without quotes). */
const NUMBERS = new Set(['attemptsRemaining', 'codeLength', 'ubcAttemptsLeft', 'pinAttempts', 'codeAttempts', 'outOfWindow', 'count', 'position', 'speed']);
/** Placeholders whose value is a list, written "Acme Corp, Northbank". */
const LISTS = new Set(['linked', 'blocked']);
/** Placeholders that name the actor rather than an input. */
const ACTOR_KEYS = new Set(['phone', 'admin', 'loginPage']);

interface Compiled {
  regex: RegExp;
  names: string[];
}

const cache = new Map<string, Compiled>();

/** A template as a regular expression: literal words (any case), quoted values, numbers with or without quotes. */
function compileTemplate(text: string, suffix: boolean, lang: Lang): Compiled {
  const key = `${lang}|${suffix}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const names: string[] = [];
  const full = suffix ? text + KEEP_SUFFIX[lang] : text;
  const source = full
    .split(/(\{[A-Za-z]+\})/)
    .map((part) => {
      const placeholder = /^\{([A-Za-z]+)\}$/.exec(part);
      if (!placeholder) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
      const name = placeholder[1] ?? '';
      names.push(name);
      return NUMBERS.has(name) ? '"?(\\d+)"?' : '"([^"]*)"';
    })
    .join('');
  const compiled = { regex: new RegExp(`^${source}$`, 'i'), names };
  cache.set(key, compiled);
  return compiled;
}

function match(template: Template, text: string, suffix: boolean, lang: Lang): Record<string, string> | null {
  const { regex, names } = compileTemplate(template.text, suffix, lang);
  const found = regex.exec(text.trim());
  if (!found) return null;
  const values: Record<string, string> = {};
  names.forEach((name, index) => {
    values[name] = found[index + 1] ?? '';
  });
  return values;
}

function typed(name: string, raw: string): unknown {
  if (NUMBERS.has(name)) return Number(raw);
  if (LISTS.has(name)) return raw.split(/,|\s+(?:and|og)\s+/).map((item) => item.trim()).filter(Boolean);
  return raw;
}

/** An action step from a matched template: the actor from its placeholder, the rest as inputs. */
function actionStep(spec: ActionSpec, template: Template, values: Record<string, string>): Record<string, unknown> {
  const step: Record<string, unknown> = { action: spec.action };
  let actor: unknown = spec.actors.includes('lab') ? 'lab' : undefined;
  for (const [name, raw] of Object.entries(values)) {
    if (ACTOR_KEYS.has(name)) actor = { [name]: raw };
    else step[name] = typed(name, raw);
  }
  Object.assign(step, template.fixed ?? {});
  if (actor !== undefined) step.actor = actor;
  return step;
}

/** The action a step's words name, with the value a keep suffix names. */
function matchAction(text: string, lang: Lang): { step: Record<string, unknown>; keepName: string | null; spec: ActionSpec } | null {
  for (const suffix of [false, true]) {
    for (const spec of ACTIONS) {
      for (const template of spec.gherkin[lang]) {
        const values = match(template, text, suffix, lang);
        if (!values) continue;
        const keepName = suffix ? (values.keepAs ?? null) : null;
        delete values.keepAs;
        return { step: actionStep(spec, template, values), keepName, spec };
      }
    }
  }
  return null;
}

function matchExpectation(text: string, lang: Lang): Record<string, unknown> | null {
  for (const template of EXPECTATION_TEMPLATES[lang]) {
    const values = match(template, text, false, lang);
    if (!values) continue;
    if (template.subject === 'login' || template.subject === 'refused') {
      const fixed = template.fixed ?? {};
      return { [template.subject]: values.refused ?? fixed[template.subject] };
    }
    const fields: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(values)) fields[name] = typed(name, raw);
    Object.assign(fields, template.fixed ?? {});
    return { [template.subject]: fields };
  }
  return null;
}

const STOP_WORDS = new Set(['the', 'and', 'with', 'for', 'som', 'med', 'til', 'for']);

/** The words of a step or template that say something: no quoted values, placeholders or small words. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/"[^"]*"|\{[A-Za-z]+\}/g, ' ').split(/[^\p{L}\p{N}-]+/u).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** The templates closest to what was written, for "did you mean": most words in common, then the shortest. */
function suggestions(text: string, lang: Lang, outcome: boolean): string[] {
  const words = new Set(wordsOf(text));
  const all: string[] = outcome ? EXPECTATION_TEMPLATES[lang].map((t: ExpectationTemplate) => t.text) : ACTIONS.flatMap((spec) => spec.gherkin[lang].map((t) => t.text));
  const score = (template: string) => wordsOf(template).filter((word) => words.has(word)).length;
  return all
    .map((template) => ({ template, score: score(template) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.template.length - b.template.length)
    .slice(0, 3)
    .map((s) => s.template);
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
}

/** Line numbers of every step in a parsed document, by AST node id. */
function stepLines(document: GherkinDocument): Map<string, number> {
  const lines = new Map<string, number>();
  const visit = (children: readonly { background?: { steps: readonly { id: string; location: { line: number } }[] }; scenario?: { steps: readonly { id: string; location: { line: number } }[] }; rule?: { children: readonly unknown[] } }[]) => {
    for (const child of children) {
      for (const step of child.background?.steps ?? []) lines.set(step.id, step.location.line);
      for (const step of child.scenario?.steps ?? []) lines.set(step.id, step.location.line);
      // A Rule holds backgrounds and scenarios of the same shape.
      if (child.rule) visit(child.rule.children as typeof children);
    }
  };
  visit(document.feature?.children ?? []);
  return lines;
}

/** One pickle (a scenario with its background) as scenario JSON, or the errors of its steps. */
function compilePickle(file: string, pickle: Pickle, document: GherkinDocument, lang: Lang, lines: Map<string, number>, id: string): { data: Record<string, unknown>; lineOf: number[] } | { errors: string[] } {
  const setup = SETUP_TEMPLATES[lang];
  const errors: string[] = [];
  const steps: Record<string, unknown>[] = [];
  const lineOf: number[] = [];
  const data: Record<string, unknown> = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, id, seed: id };
  const feature = document.feature;
  const title = pickle.name || feature?.name || id;
  data.title = { en: title, nb: title };
  const description = (feature?.description ?? '').trim() || title;
  data.description = { en: description, nb: description };
  // Tags name the rules the case teaches (@R-UBC-3) and words to find it by (@offline).
  const tagNames = pickle.tags.map((tag) => tag.name.replace(/^@/, ''));
  const rules = tagNames.filter((name) => /^R-[A-Z]+-\d+$/.test(name));
  const tags = tagNames.filter((name) => !rules.includes(name));
  if (rules.length) data.rules = rules;
  if (tags.length) data.tags = tags;
  let last: Record<string, unknown> | null = null;

  for (const pickleStep of pickle.steps) {
    const line = lines.get(pickleStep.astNodeIds[0] ?? '') ?? 0;
    const at = `${file}:${line}`;
    const text = pickleStep.text;
    const docString = pickleStep.argument?.docString?.content;
    if (pickleStep.type === 'Context') {
      if (text.trim().toLowerCase() === setup.defaultWorld) { data.world = 'default'; continue; }
      const seed = match({ text: setup.seed }, text, false, lang);
      if (seed) { data.seed = seed.seed; continue; }
      const start = match({ text: setup.start }, text, false, lang);
      if (start) { data.start = start.start; continue; }
      if (text.trim().toLowerCase() === setup.world) {
        try {
          data.world = { commands: JSON.parse(docString ?? '') as unknown };
        } catch (error) {
          errors.push(`${at}: the world's commands must be a JSON array in a doc string (${error instanceof Error ? error.message : String(error)})`);
        }
        continue;
      }
    }
    if (pickleStep.type === 'Outcome') {
      const expectation = matchExpectation(text, lang);
      if (!expectation) {
        const near = suggestions(text, lang, true);
        errors.push(`${at}: no expectation matches "${text}"${near.length ? `; the closest are: ${near.map((s) => `"${s}"`).join(', ')}` : ''}`);
        continue;
      }
      if (!last) {
        last = { action: 'check' };
        steps.push(last);
        lineOf.push(line);
      }
      const expect = (last.expect as unknown[] | undefined) ?? [];
      expect.push(expectation);
      last.expect = expect;
      continue;
    }
    const matched = matchAction(text, lang);
    if (!matched) {
      const near = suggestions(text, lang, false);
      errors.push(`${at}: no step matches "${text}"${near.length ? `; the closest are: ${near.map((s) => `"${s}"`).join(', ')}` : ''}`);
      continue;
    }
    if (matched.keepName !== null) {
      const what = matched.step.what ?? matched.spec.keeps[0];
      if (typeof what !== 'string') {
        errors.push(`${at}: "${matched.spec.action}" shows nothing to keep`);
        continue;
      }
      matched.step.keep = { [what]: matched.keepName };
    }
    if (docString !== undefined) matched.step.narration = { en: docString, nb: docString };
    steps.push(matched.step);
    lineOf.push(line);
    last = matched.step;
  }
  data.steps = steps;
  return errors.length ? { errors } : { data, lineOf };
}

/** Reads a `.feature` file: one scenario per Scenario (and per Examples row of a Scenario Outline). */
export function parseFeature(file: string, text: string): LoadResult {
  if (text.length > MAX_SCENARIO_BYTES) return { ok: false, errors: [`${file}: the file is larger than ${MAX_SCENARIO_BYTES / 1_000_000} MB`] };
  const newId = IdGenerator.incrementing();
  let document: GherkinDocument;
  try {
    document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(text);
  } catch (error) {
    // The parser's errors name the line: "(3:5): expected: #EOF, #Comment ..."
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: message.split('\n').filter(Boolean).map((line) => `${file}: ${line}`) };
  }
  const language = document.feature?.language ?? 'en';
  if (language !== 'en' && language !== 'no') return { ok: false, errors: [`${file}: language "${language}": scenarios are written in English (en) or Norwegian (no)`] };
  const lang: Lang = language === 'no' ? 'nb' : 'en';
  const pickles = compile(document, file, newId);
  if (pickles.length === 0) return { ok: false, errors: [`${file}: the feature has no scenario`] };
  const lines = stepLines(document);
  const fileId = idFromFile(file);
  const errors: string[] = [];
  const scenarios: LoadedScenario[] = [];
  const seen = new Map<string, number>();
  for (const pickle of pickles) {
    const base = pickles.length === 1 ? fileId : `${fileId}-${slug(pickle.name)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const id = count === 1 ? base : `${base}-${count}`;
    const compiled = compilePickle(file, pickle, document, lang, lines, id);
    if ('errors' in compiled) {
      errors.push(...compiled.errors);
      continue;
    }
    const checked = checkScenario(file, compiled.data, id);
    if (!checked.ok) {
      // "steps[3] (enter PIN)" -> "line 12 (enter PIN)": a tester reads the feature file, not the JSON.
      errors.push(...checked.errors.map((message) => message.replace(/^(.*?): steps\[(\d+)\]/, (_all, head: string, index: string) => `${head}:${compiled.lineOf[Number(index)] ?? 0}: step`)));
      continue;
    }
    scenarios.push(...checked.scenarios);
  }
  return errors.length ? { ok: false, errors } : { ok: true, scenarios };
}

/** Reads a scenario file by its name: `.feature` as Gherkin, anything else as JSON. */
export function parseScenarioFile(file: string, text: string): LoadResult {
  if (/\.feature$/i.test(file)) return parseFeature(file, text);
  return parseScenarioJson(file, text);
}
