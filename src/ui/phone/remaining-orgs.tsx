// The partly unblocked state (help page: "the PIN and one or more organizations are unblocked"): which are still blocked, and that each needs its own UBC (R-UBC-5).
import { createUniqueId } from 'solid-js';
import { linkSummary } from '../../domain';
import { useI18n } from '../i18n/i18n-provider';
import { usePhone } from './phone-context';
import { Icon } from './icon';
import { listWords } from './blocked-orgs';

export function RemainingOrgs() {
  const { t, lang } = useI18n();
  const { phone } = usePhone();
  const summary = () => linkSummary(phone().app.links);
  const id = createUniqueId();
  return (
    <section class="remaining" aria-labelledby={id}>
      <h3 id={id} class="remaining-title">
        <Icon name="padlock-open" />
        {t().phone.remainingTitle(summary().blocked, summary().linked)}
      </h3>
      <p class="remaining-text">
        {t().phone.remainingWhich(listWords(summary().blockedNames, lang()))} {t().phone.remainingHow}
      </p>
    </section>
  );
}
