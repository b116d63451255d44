// Paging a long list (the logs grow to thousands of entries, R-MGR-4): a page of PAGE_SIZE, kept in range as the list changes.
import { createMemo, createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';

export const PAGE_SIZE = 50;

export interface Pages<T> {
  items: Accessor<T[]>;
  page: Accessor<number>;
  pageCount: Accessor<number>;
  total: Accessor<number>;
  /** 1-based positions of the first and last item shown. */
  first: Accessor<number>;
  last: Accessor<number>;
  setPage(page: number): void;
}

export function createPages<T>(list: Accessor<T[]>, size = PAGE_SIZE): Pages<T> {
  const [wanted, setWanted] = createSignal(0);
  const total = () => list().length;
  const pageCount = () => Math.max(1, Math.ceil(total() / size));
  const page = createMemo(() => Math.min(wanted(), pageCount() - 1));
  const items = createMemo(() => list().slice(page() * size, page() * size + size));
  return {
    items,
    page,
    pageCount,
    total,
    first: () => (total() === 0 ? 0 : page() * size + 1),
    last: () => Math.min(total(), page() * size + size),
    setPage: (next) => setWanted(Math.max(0, Math.min(next, pageCount() - 1))),
  };
}
