// The event log's filters (R-MGR-4): time range (UTC), username, type and free text over the description.
import { For } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { EVENT_LOG_TYPES } from '../../domain';
import type { EventLogType } from '../../domain';
import { useManager } from './manager-session';
import { EMPTY_EVENT_FILTER, isFilterEmpty } from './event-filter';
import type { EventFilter } from './event-filter';

export function EventLogFilters(props: { usernames: string[] }) {
  const { t } = useI18n();
  const session = useManager();
  const filter = () => session.eventFilter();
  const set = (patch: Partial<EventFilter>) => session.setEventFilter({ ...filter(), ...patch });
  const isType = (value: string): value is EventLogType => EVENT_LOG_TYPES.some((type) => type === value);

  return (
    <form class="mgr-filters" aria-label={t().manager.filters} onSubmit={(event) => event.preventDefault()}>
      <label class="mgr-field">
        <span>{t().manager.from}</span>
        <input type="datetime-local" value={filter().from} onInput={(event) => set({ from: event.currentTarget.value })} />
      </label>
      <label class="mgr-field">
        <span>{t().manager.to}</span>
        <input type="datetime-local" value={filter().to} onInput={(event) => set({ to: event.currentTarget.value })} />
      </label>
      <label class="mgr-field">
        <span>{t().manager.username}</span>
        <input type="search" list="mgr-log-usernames" value={filter().username} onInput={(event) => set({ username: event.currentTarget.value })} />
        <datalist id="mgr-log-usernames">
          <For each={props.usernames}>{(name) => <option value={name} />}</For>
        </datalist>
      </label>
      <label class="mgr-field">
        <span>{t().manager.type}</span>
        <select value={filter().type} onChange={(event) => { const value = event.currentTarget.value; set({ type: isType(value) ? value : '' }); }}>
          <option value="">{t().manager.allTypes}</option>
          <For each={EVENT_LOG_TYPES}>{(type) => <option value={type}>{type}</option>}</For>
        </select>
      </label>
      <div class="mgr-filter-text">
        <label class="mgr-field">
          <span>{t().manager.text}</span>
          <input type="search" value={filter().text} onInput={(event) => set({ text: event.currentTarget.value })} />
        </label>
        <button type="button" class="mgr-clear" disabled={isFilterEmpty(filter())} onClick={() => session.setEventFilter(EMPTY_EVENT_FILTER)}>
          {t().manager.clearFilters}
        </button>
      </div>
    </form>
  );
}
