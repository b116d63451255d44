// The signed-in Manager session of this tab: organization, administrator, open tab, chosen user and event-log filter.
import { createContext, createSignal, useContext } from 'solid-js';
import type { Accessor, JSX } from 'solid-js';
import type { Admin, Org, Permission } from '../../domain';
import { can } from '../../domain';
import { EMPTY_EVENT_FILTER } from './event-filter';
import type { EventFilter } from './event-filter';

export type ManagerTab = 'users' | 'events' | 'audit' | 'setup';

export interface ManagerSession {
  org: Accessor<Org>;
  admin: Accessor<Admin>;
  /** R-MGR-1: whether the signed-in administrator's current role allows this. */
  allowed(permission: Permission): boolean;
  tab: Accessor<ManagerTab>;
  setTab(tab: ManagerTab): void;
  /** The user whose details are open (their mobile number), or null for the list. */
  selected: Accessor<string | null>;
  select(mobile: string | null): void;
  eventFilter: Accessor<EventFilter>;
  setEventFilter(filter: EventFilter): void;
  /** Opens the event log filtered to one username. */
  showEventsOf(username: string): void;
  signOut(): void;
}

const SessionContext = createContext<ManagerSession>();

/** The Manager session; throws outside a ManagerSessionProvider. */
export function useManager(): ManagerSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useManager must be used inside <ManagerSessionProvider>');
  return session;
}

/** Holds a session for one signed-in administrator (sign-in is UI state, not a command). */
export function ManagerSessionProvider(props: { org: Org; admin: Admin; onSignOut: () => void; children: JSX.Element }) {
  const [tab, setTab] = createSignal<ManagerTab>('users');
  const [selected, select] = createSignal<string | null>(null);
  const [eventFilter, setEventFilter] = createSignal<EventFilter>(EMPTY_EVENT_FILTER);
  const session: ManagerSession = {
    org: () => props.org,
    admin: () => props.admin,
    allowed: (permission) => can(props.admin.role, permission),
    tab,
    setTab,
    selected,
    select,
    eventFilter,
    setEventFilter,
    showEventsOf(username) {
      setEventFilter({ ...EMPTY_EVENT_FILTER, username });
      setTab('events');
    },
    signOut: () => props.onSignOut(),
  };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
