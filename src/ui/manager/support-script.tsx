// What support says next (each script is one text, a step per line), beside the displayed UBC: online, offline (data traffic first, as the help page says) and several orgs (R-UBC-2, R-UBC-4, R-UBC-5).
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { linksOf, policy } from '../../domain';
import type { Link } from '../../domain';
import { useManager } from './manager-session';

export function SupportScript(props: { link: Link }) {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  const text = () => t().manager.script;
  const orgCount = () => linksOf(sandbox.world().server, props.link.mobile).length;
  // R-VER-7, R-UBC-4: an offline unblock code is accepted only where the access server allows offline codes.
  const offlineAt = () => session.org().accessServers.filter((server) => server.offlineAllowed).map((server) => server.name);
  const minutes = Math.round(policy.UNBLOCK_CODE_VALIDITY_MS / 60_000);
  const sections = () => {
    const s = text();
    const org = session.org().name;
    const offline = offlineAt();
    return [
      { id: 'online', title: s.onlineTitle, steps: s.online(org) },
      {
        id: 'offline',
        title: s.offlineTitle,
        steps: offline.length > 0 ? s.offline(org, props.link.username, offline.join(', '), minutes) : s.offlineNotHere(org),
      },
      ...(orgCount() > 1 ? [{ id: 'several', title: s.severalTitle(orgCount()), steps: s.several(org, orgCount() - 1) }] : []),
    ];
  };
  return (
    <section class="mgr-script" aria-labelledby="mgr-script-title">
      <h4 id="mgr-script-title">{text().title}</h4>
      <For each={sections()}>
        {(section) => (
          <section class="mgr-script-part" aria-labelledby={`mgr-script-${section.id}`}>
            <h5 id={`mgr-script-${section.id}`}>{section.title}</h5>
            <ol>
              <For each={section.steps.split('\n')}>{(step) => <li>{step}</li>}</For>
            </ol>
          </section>
        )}
      </For>
      <Show when={orgCount() === 1}>
        <p class="mgr-small muted">{text().oneOrg}</p>
      </Show>
    </section>
  );
}
