// The users list (R-MGR-2): search by name, username, mobile or App-ID; show all, blocked only or inactive only.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { useSandbox } from '../sandbox/sandbox-provider';
import { currentDevice, linksOf, usersOf } from '../../domain';
import { useManager } from './manager-session';
import { matchesUser, USER_FILTERS } from './user-match';
import type { UserFilter, UserRow } from './user-match';
import { UsersTable } from './users-table';

export function UsersList() {
  const { t } = useI18n();
  const sandbox = useSandbox();
  const session = useManager();
  const [search, setSearch] = createSignal('');
  const [filter, setFilter] = createSignal<UserFilter>('all');
  const rows = createMemo((): UserRow[] => {
    const world = sandbox.world();
    const server = world.server;
    const names = new Map(Object.values(world.people).map((person) => [person.mobile, person.name]));
    return usersOf(server, session.org().id)
      .map((link) => ({ link, name: names.get(link.mobile) ?? null, appId: currentDevice(server, link.mobile)?.appId ?? null, orgCount: linksOf(server, link.mobile).length }))
      .sort((a, b) => a.link.username.localeCompare(b.link.username));
  });
  const shown = createMemo(() => rows().filter((row) => matchesUser(row, filter(), search())));
  const filterLabel = (value: UserFilter) =>
    ({ all: t().manager.filterAll, blocked: t().manager.filterBlocked, inactive: t().manager.filterInactive })[value];

  return (
    <div class="mgr-users">
      <div class="mgr-toolbar">
        <label class="mgr-search">
          <span class="visually-hidden">{t().manager.searchUsers}</span>
          <svg viewBox="0 0 20 20" aria-hidden="true"><circle cx="8.5" cy="8.5" r="5.5" /><path d="m13 13 4 4" /></svg>
          <input
            type="search"
            aria-label={t().manager.searchUsers}
            placeholder={t().manager.searchPlaceholder}
            value={search()}
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
        </label>
        <fieldset class="mgr-segmented">
          <legend class="visually-hidden">{t().manager.show}</legend>
          <For each={USER_FILTERS}>
            {(value) => (
              <label classList={{ 'mgr-segment-on': filter() === value }}>
                <input type="radio" name="mgr-user-filter" value={value} checked={filter() === value} onChange={() => setFilter(value)} />
                {filterLabel(value)}
              </label>
            )}
          </For>
        </fieldset>
      </div>
      <p class="mgr-count" role="status">{t().manager.usersCount(shown().length, rows().length)}</p>
      <Show
        when={shown().length > 0}
        fallback={<p class="mgr-empty">{rows().length === 0 ? t().manager.noUsers : t().manager.noMatch}</p>}
      >
        <UsersTable rows={shown()} onOpen={(mobile) => session.select(mobile)} />
      </Show>
    </div>
  );
}
