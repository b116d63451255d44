// Words for where the PIN is blocked: the one organization's name, or "all 3 organizations the app is linked to".
import { linkSummary } from '../../domain';
import type { AppLinkView } from '../../domain';
import type { UiText } from '../../i18n/ui-text';
import type { Lang } from '../../i18n/describe-event';

/** The organizations the PIN is blocked at, in the current language (R-BLK-1). */
export function blockedOrgsWords(links: readonly AppLinkView[], t: UiText): string {
  const summary = linkSummary(links);
  if (summary.blocked === 1) return summary.blockedNames[0] ?? t.phone.orgCount(1);
  return summary.blocked === summary.linked ? t.phone.allOrgs(summary.blocked) : t.phone.orgCount(summary.blocked);
}

/** "Northbank and Fjord Municipality": a list in the language's own way (Intl.ListFormat). */
export function listWords(names: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(lang === 'nb' ? 'nb' : 'en', { style: 'long', type: 'conjunction' }).format(names);
}
