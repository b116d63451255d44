// The Setup tab for SUPERUSER (R-MGR-1): administrators, directories and access servers, each where the role allows.
import { createMemo, createSignal, Match, Switch } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useManager } from './manager-session';
import { TabList, panelElementId, tabElementId } from './tab-list';
import type { TabItem } from './tab-list';
import { AdminsView } from './admins-view';
import { DirectoriesView } from './directories-view';
import { AccessServersView } from './access-servers-view';

type SetupTab = 'admins' | 'directories' | 'servers';
const PREFIX = 'mgr-setup';

export function SetupView() {
  const { t } = useI18n();
  const session = useManager();
  const [tab, setTab] = createSignal<SetupTab>('admins');
  const tabs = createMemo((): TabItem<SetupTab>[] => {
    const text = t().manager;
    const all: (TabItem<SetupTab> & { shown: boolean })[] = [
      { id: 'admins', label: text.admins, shown: session.allowed('manage-admins') },
      { id: 'directories', label: text.directories, shown: session.allowed('manage-directories') },
      { id: 'servers', label: text.accessServers, shown: session.allowed('manage-access-servers') },
    ];
    return all.filter((item) => item.shown).map((item) => ({ id: item.id, label: item.label }));
  });
  const active = () => (tabs().some((item) => item.id === tab()) ? tab() : (tabs()[0]?.id ?? 'admins'));
  return (
    <div class="mgr-setup">
      <TabList label={t().manager.setupSections} prefix={PREFIX} items={tabs()} active={active()} onSelect={setTab} class="mgr-sub-tabs" />
      <div role="tabpanel" id={panelElementId(PREFIX, active())} aria-labelledby={tabElementId(PREFIX, active())} class="mgr-setup-panel">
        <Switch>
          <Match when={active() === 'admins'}><AdminsView /></Match>
          <Match when={active() === 'directories'}><DirectoriesView /></Match>
          <Match when={active() === 'servers'}><AccessServersView /></Match>
        </Switch>
      </div>
    </div>
  );
}
