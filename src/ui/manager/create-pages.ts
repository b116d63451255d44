// Paging a long list (the logs grow to 100,000 entries, R-MGR-4): a page of PAGE_SIZE read from a query, kept in range as the list changes.
import { createEffect, createMemo, createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';

export const PAGE_SIZE = 50;

export interface Pages<T> {
  items: Accessor<T[]>;
  page: Accessor<number>;
  pageCount: Accessor<number>;
  total: Accessor<number>;
  /** Whether more than `total` match (only the first ones past the page are counted). */
  more: Accessor<boolean>;
  /** 1-based positions of the first and last item shown. */
  first: Accessor<number>;
  last: Accessor<number>;
  setPage(page: number): void;
}

/** Fetches one page of a list that lives elsewhere (a read model): `(offset, limit)` gives that page and the total. */
export type PageSource<T> = (offset: number, limit: number) => Promise<{ rows: T[]; total: number; more: boolean }>;

/**
 * Pages over a query instead of an array: only the page on screen is ever read and kept (R-MGR-4 at 100,000
 * entries). A new `source` (another filter, or a new journal entry) fetches the page again; the newest answer wins.
 */
export function createQueryPages<T>(source: Accessor<PageSource<T>>, size = PAGE_SIZE): Pages<T> {
  const [wanted, setWanted] = createSignal(0);
  const [result, setResult] = createSignal<{ rows: T[]; total: number; more: boolean }>({ rows: [], total: 0, more: false });
  let asked = 0;
  createEffect(() => {
    const fetchPage = source();
    const pageNo = wanted();
    const ticket = ++asked;
    void fetchPage(pageNo * size, size).then((answer) => {
      if (ticket !== asked) return;
      const lastPage = Math.max(0, Math.ceil(answer.total / size) - 1);
      // The list shrank under the page shown (another filter): go to its last page.
      if (pageNo > lastPage) setWanted(lastPage);
      else setResult(answer);
    });
  });
  const total = () => result().total;
  const pageCount = () => Math.max(1, Math.ceil(total() / size));
  const page = createMemo(() => Math.min(wanted(), pageCount() - 1));
  return {
    items: () => result().rows,
    page,
    pageCount,
    total,
    more: () => result().more,
    first: () => (total() === 0 ? 0 : page() * size + 1),
    last: () => Math.min(total(), page() * size + size),
    setPage: (next) => setWanted(Math.max(0, Math.min(next, pageCount() - 1))),
  };
}
