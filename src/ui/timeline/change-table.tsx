// Before and after of one entry, side by side: the fields it changed, grouped by what they belong to.
import { For, Show } from 'solid-js';
import type { Change, DiffValue } from '../../runtime/replay/state-diff';
import { useI18n } from '../i18n/i18n-provider';
import { formatDateTime } from '../../i18n/format';

export function ChangeTable(props: { changes: Change[] }) {
  const { t } = useI18n();
  const words = () => t().timeline;
  const show = (value: DiffValue): string => {
    if (value === null) return words().none;
    if (typeof value === 'boolean') return value ? words().yes : words().no;
    if (typeof value === 'object') return `${formatDateTime(value.time)} UTC`;
    return String(value);
  };
  const field = (name: string): string => (words().fields as Record<string, string>)[name] ?? name; // the diff's field names are the keys of `fields`
  return (
    <Show when={props.changes.length > 0} fallback={<p class="note">{words().noChanges}</p>}>
      <table class="tl-changes">
        <thead>
          <tr><th scope="col">{words().area}</th><th scope="col">{words().field}</th><th scope="col">{words().before}</th><th scope="col">{words().after}</th></tr>
        </thead>
        <tbody>
          <For each={props.changes}>
            {(change) => (
              <tr>
                <td>{words().areas[change.area]}{change.subject ? `: ${change.subject}` : ''}</td>
                <td>{field(change.field)}</td>
                <td class="tl-before">{show(change.before)}</td>
                <td class="tl-after">{show(change.after)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
