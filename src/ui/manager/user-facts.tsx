// A user's facts and counters (R-MGR-3): mobile, App-ID, block cause, dates; PIN, code, UBC and offline counters.
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { currentDevice, policy } from '../../domain';
import type { Link } from '../../domain';
import { formatDateTime } from '../../i18n/format';

export function UserFacts(props: { link: Link }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const holder = () => sandbox.world().server.holders[props.link.mobile];
  const appId = () => currentDevice(sandbox.world().server, props.link.mobile)?.appId ?? t().manager.noAppId;
  const facts = () => [
    { label: t().manager.mobile, value: props.link.mobile, mono: true },
    { label: t().manager.appId, value: appId(), mono: true },
    { label: t().manager.blockCause, value: props.link.blockCause ? t().manager.causes[props.link.blockCause] : t().manager.notBlocked, mono: false },
    { label: t().manager.changed, value: formatDateTime(props.link.changedAt), mono: true },
    { label: t().manager.firstLogin, value: formatDateTime(props.link.createdAt), mono: true },
  ];
  const counters = () => [
    { label: t().manager.pinAttempts, value: holder()?.pinFailures ?? 0, max: policy.MAX_PIN_ATTEMPTS },
    { label: t().manager.codeAttempts, value: props.link.codeFailures, max: policy.MAX_CODE_ATTEMPTS },
    { label: t().manager.ubcAttempts, value: props.link.ubcFailures, max: policy.MAX_UBC_ATTEMPTS },
    { label: t().manager.outOfWindow, value: holder()?.offlineOutOfWindow ?? 0, max: policy.MAX_OFFLINE_OUT_OF_WINDOW + 1 },
  ];
  return (
    <div class="mgr-facts-grid">
      <dl class="mgr-card mgr-facts">
        <For each={facts()}>
          {(fact) => (
            <div>
              <dt>{fact.label}</dt>
              <dd classList={{ 'mgr-mono': fact.mono }}>{fact.value}</dd>
            </div>
          )}
        </For>
      </dl>
      <section class="mgr-card mgr-counters" aria-labelledby="mgr-counters-title">
        <h4 id="mgr-counters-title">{t().manager.counters}</h4>
        <dl class="mgr-tiles">
          <For each={counters()}>
            {(counter) => (
              <div>
                <dt>{counter.label}</dt>
                <dd classList={{ 'mgr-counter-full': counter.value >= counter.max, 'mgr-counter-some': counter.value > 0 && counter.value < counter.max }}>
                  <span>
                    {t().manager.ofMax(counter.value, counter.max)}
                    <Show when={counter.value >= counter.max}><span class="mgr-counter-state"><span class="visually-hidden"> · </span>{t().manager.counterFull}</span></Show>
                  </span>
                  <span class="mgr-meter" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, (counter.value / counter.max) * 100)}%` }} />
                  </span>
                </dd>
              </div>
            )}
          </For>
        </dl>
      </section>
    </div>
  );
}
