// The rule book itself, bundled as text (Vite ?raw) in a chunk of its own: imported only when a rule is first shown, never on first load.
import book from '../../../docs/rules.md?raw';
import { ruleText } from './rule-text';
import type { RuleText } from './rule-text';

/** The rule's own text from docs/rules.md, or "no such rule". */
export function lookUpRule(id: string): RuleText {
  return ruleText(book, id);
}
