// Event-log descriptions rendered once per entry and language (entries are immutable, R-SEC-5), so text search stays quick.
import { createMemo } from 'solid-js';
import type { Accessor } from 'solid-js';
import type { EventLogEntry } from '../../domain';
import { describeEvent } from '../../i18n/describe-event';
import type { Lang } from '../../i18n/describe-event';

/** A describe function for the current language, caching per entry object. */
export function createDescriber(lang: Accessor<Lang>): Accessor<(entry: EventLogEntry) => string> {
  return createMemo(() => {
    const current = lang();
    const cache = new WeakMap<EventLogEntry, string>();
    return (entry: EventLogEntry) => {
      let text = cache.get(entry);
      if (text === undefined) {
        text = describeEvent(entry.reason, current);
        cache.set(entry, text);
      }
      return text;
    };
  });
}
