// A verification finding (runtime/reverify.ts) in words, in the language on screen.
import type { Finding } from '../runtime/reverify';
import { renderRefusal } from '../domain';
import type { UiText } from './ui-text';

/**
 * What was found, and where, in words a support person understands (issue: tamper evidence): with the words on screen,
 * a refused command's refusal too.
 */
export function describeFinding(finding: Finding, words: Pick<UiText, 'integrity' | 'refusals'>): string {
  const t = words.integrity;
  switch (finding.kind) {
    case 'missing': return t.missing(finding.seq);
    case 'broken-link': return t.brokenLink(finding.seq);
    case 'changed': return t.changed(finding.seq);
    case 'sealed-pin': return t.sealedPin(finding.seq);
    case 'refused': return t.refused(finding.seq, renderRefusal(words.refusals, finding.refusal.text, finding.refusal.rule));
    case 'events-differ': return t.eventsDiffer(finding.seq, finding.command);
    case 'checkpoint': return t.checkpoint(finding.seq);
    case 'head': return t.head(finding.seq, finding.headSeq);
    case 'read-model': return t.readModel(finding.seq, finding.log);
    default: return assertNever(finding);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled finding ${JSON.stringify(value)}`);
}
