// The signed-in console: who is signed in, the tabs the role allows (R-MGR-1), and the open tab's panel.
import { createMemo, Match, Switch } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useManager } from './manager-session';
import type { ManagerTab } from './manager-session';
import { ConsoleHeader } from './console-header';
import { TabList, panelElementId, tabElementId } from './tab-list';
import type { TabItem } from './tab-list';
import { UsersView } from './users-view';
import { EventLogView } from './event-log-view';
import { AuditLogView } from './audit-log-view';
import { SetupView } from './setup-view';

const PREFIX = 'mgr';

export function ManagerConsole() {
  const { t } = useI18n();
  const session = useManager();
  // What a role may not do is not offered (R-MGR-1).
  const tabs = createMemo((): TabItem<ManagerTab>[] => {
    const text = t().manager;
    const all: (TabItem<ManagerTab> & { shown: boolean })[] = [
      { id: 'users', label: text.tabUsers, shown: session.allowed('read-users') },
      { id: 'events', label: text.tabEvents, shown: session.allowed('read-event-log') },
      { id: 'audit', label: text.tabAudit, shown: session.allowed('read-audit-log') },
      {
        id: 'setup',
        label: text.tabSetup,
        shown: session.allowed('manage-admins') || session.allowed('manage-directories') || session.allowed('manage-access-servers'),
      },
    ];
    return all.filter((tab) => tab.shown).map((tab) => ({ id: tab.id, label: tab.label }));
  });
  // The open tab, or the first allowed one when the role no longer allows it.
  const active = createMemo((): ManagerTab | null => {
    const list = tabs();
    return list.some((tab) => tab.id === session.tab()) ? session.tab() : (list[0]?.id ?? null);
  });

  return (
    <div class="mgr-console">
      <div class="mgr-top">
        <ConsoleHeader />
        <TabList label={t().manager.sections} prefix={PREFIX} items={tabs()} active={active() ?? 'users'} onSelect={(id) => session.setTab(id)} class="mgr-main-tabs" />
      </div>
      <div
        class="mgr-panel"
        role="tabpanel"
        id={panelElementId(PREFIX, active() ?? 'none')}
        aria-labelledby={tabElementId(PREFIX, active() ?? 'none')}
        tabindex="-1"
      >
        <Switch>
          <Match when={active() === 'users'}><UsersView /></Match>
          <Match when={active() === 'events'}><EventLogView /></Match>
          <Match when={active() === 'audit'}><AuditLogView /></Match>
          <Match when={active() === 'setup'}><SetupView /></Match>
        </Switch>
      </div>
    </div>
  );
}
