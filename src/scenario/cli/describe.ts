// A step and its expectations as readable lines, in the words of the Gherkin templates of the chosen language with
// the step's own values filled in: {"actor":{"phone":"Ingrid"},"action":"enter PIN","pin":"1111"} reads
// `"Ingrid" enters PIN "1111"` (or `"Ingrid" skriver inn PIN "1111"`).
import { actionSpec } from '../actions';
import type { Template } from '../actions';
import { EXPECTATION_TEMPLATES } from '../expectations';
import type { Expectation, ExpectationTemplate } from '../expectations';
import { KEEP_SUFFIX } from '../gherkin';
import type { Step } from '../format';
import type { Lang } from '../text';

const NOT_INPUTS = new Set(['action', 'actor', 'keep', 'narration', 'note', 'expect']);
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** A value as a Gherkin step writes it: numbers bare, lists as "a, b", everything else in quotes. */
function written(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `"${value.map(String).join(', ')}"`;
  return `"${String(value)}"`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** The fields a template states, when every placeholder has a value and every fixed value is the one given; else null. */
function covers(template: Template, values: Readonly<Record<string, unknown>>): string[] | null {
  const names = placeholders(template.text);
  if (names.some((name) => values[name] === undefined)) return null;
  const fixed = Object.entries(template.fixed ?? {});
  if (fixed.some(([key, value]) => !same(values[key], value))) return null;
  return [...names, ...fixed.map(([key]) => key)];
}

const fill = (text: string, values: Readonly<Record<string, unknown>>) => text.replace(PLACEHOLDER, (_all, name: string) => written(values[name]));

/** Fields no template stated, as "(field "value", ...)". */
function rest(keys: readonly string[], values: Readonly<Record<string, unknown>>): string {
  return keys.length ? ` (${keys.map((key) => `${key} ${written(values[key])}`).join(', ')})` : '';
}

/** The step as one line: its action's template that states most of its values, then a keep suffix per kept value. */
export function stepLine(step: Step, lang: Lang): string {
  const values: Record<string, unknown> = {};
  const inputs: string[] = [];
  for (const [key, value] of Object.entries(step)) {
    if (NOT_INPUTS.has(key) || value === undefined) continue;
    values[key] = value;
    inputs.push(key);
  }
  const actor: unknown = 'actor' in step ? step.actor : undefined;
  if (actor && typeof actor === 'object') {
    for (const key of ['phone', 'admin', 'loginPage'] as const) {
      if (key in actor) values[key] = (actor as Record<string, unknown>)[key]; // an actor object of the step schema
    }
  }
  const spec = actionSpec(step.action);
  let best: { template: Template; stated: string[] } | null = null;
  for (const template of spec?.gherkin[lang] ?? []) {
    const stated = covers(template, values);
    if (stated && (!best || stated.length > best.stated.length)) best = { template, stated };
  }
  const keeps = Object.values(step.keep ?? {}).filter((name): name is string => typeof name === 'string');
  const suffix = keeps.map((name) => KEEP_SUFFIX[lang].replace('{keepAs}', written(name))).join('');
  if (!best) {
    const who = typeof actor === 'string' ? actor : actor && typeof actor === 'object' ? written(Object.values(actor)[0]) : '';
    return `${who ? `${who}: ` : ''}${step.action}${rest(inputs, values)}${suffix}`;
  }
  const stated = new Set(best.stated);
  return `${fill(best.template.text, values)}${rest(inputs.filter((key) => !stated.has(key)), values)}${suffix}`;
}

/** How a line about each subject begins when no template fits. */
const SUBJECT_WORDS: Record<Lang, Record<string, string>> = {
  en: { phone: 'the phone', user: 'Manager shows', eventLog: 'the event log of', auditLog: 'the audit log of' },
  nb: { phone: 'telefonen', user: 'Manager viser', eventLog: 'hendelsesloggen til', auditLog: 'revisjonsloggen til' },
};

/** Fields that say which thing an expectation is about rather than what it should show. */
const SUBJECT_KEYS = new Set(['of', 'org', 'username']);

/** An expectation as the Then-lines that state it: the fewest templates covering its fields, the rest in brackets. */
export function expectationLines(expectation: Expectation, lang: Lang): string[] {
  const [subject, raw] = Object.entries(expectation)[0] ?? ['', undefined];
  const templates = EXPECTATION_TEMPLATES[lang].filter((template: ExpectationTemplate) => template.subject === subject);
  if (subject === 'login' || subject === 'refused') {
    const values: Record<string, unknown> = { [subject]: raw };
    const template = templates.find((candidate) => covers(candidate, values));
    return [template ? fill(template.text, values) : `${subject}: ${written(raw)}`];
  }
  // The other subjects are objects of named fields (the expectation schema).
  const values = (raw ?? {}) as Record<string, unknown>;
  const wanted = Object.keys(values).filter((key) => !SUBJECT_KEYS.has(key) && values[key] !== undefined);
  const open = new Set(wanted);
  const lines: string[] = [];
  while (open.size > 0) {
    let best: { template: ExpectationTemplate; gain: number } | null = null;
    for (const template of templates) {
      const stated = covers(template, values);
      const gain = stated ? stated.filter((key) => open.has(key)).length : 0;
      if (gain > 0 && (!best || gain > best.gain)) best = { template, gain };
    }
    if (!best) break;
    lines.push(fill(best.template.text, values));
    for (const key of covers(best.template, values) ?? []) open.delete(key);
  }
  const last = lines.pop();
  if (last !== undefined) return [...lines, `${last}${rest([...open], values)}`];
  // No template states any of it: the subject in words, what it is about, and the fields.
  const named = Object.keys(values).filter((key) => SUBJECT_KEYS.has(key)).map((key) => written(values[key])).join(' ');
  return [`${SUBJECT_WORDS[lang][subject] ?? subject} ${named}${rest([...open], values)}`];
}
