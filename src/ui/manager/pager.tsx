// Newer / Older through a paged log, with where we are ("51–100 of 3 214").
import { useI18n } from '../i18n/i18n-provider';
import type { Pages } from './create-pages';

export function Pager<T>(props: { pages: Pages<T>; label: string }) {
  const { t } = useI18n();
  return (
    <div class="mgr-pager" role="group" aria-label={props.label}>
      <span class="mgr-pager-range">
        {props.pages.more()
          ? t().manager.rangeAtLeast(props.pages.first(), props.pages.last(), props.pages.total())
          : t().manager.range(props.pages.first(), props.pages.last(), props.pages.total())}
      </span>
      <button type="button" disabled={props.pages.page() === 0} onClick={() => props.pages.setPage(props.pages.page() - 1)}>
        <span aria-hidden="true">‹ </span>{t().manager.newer}
      </button>
      <button type="button" disabled={props.pages.page() >= props.pages.pageCount() - 1} onClick={() => props.pages.setPage(props.pages.page() + 1)}>
        {t().manager.older}<span aria-hidden="true"> ›</span>
      </button>
    </div>
  );
}
