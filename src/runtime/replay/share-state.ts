// Structural sharing between two worlds: the parts of a new one that equal the old one's become the old one's objects,
// so the screens' memos see "unchanged" and their lists keep their rows when the replay moves.

/** Plain data as the journal and checkpoints hold it: records and arrays of it; anything else is compared by identity. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function share(next: unknown, prev: unknown): unknown {
  if (next === prev || typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    let out: unknown[] | null = null;
    for (let i = 0; i < next.length; i++) {
      const part = share(next[i], prev[i]);
      if (part !== next[i]) (out ??= next.slice())[i] = part;
      if (part !== prev[i]) same = false;
    }
    return same ? prev : (out ?? next);
  }
  if (Array.isArray(prev) || !isPlain(next) || !isPlain(prev)) return next;
  const a = next as Record<string, unknown>; // plain records, checked just above
  const b = prev as Record<string, unknown>;
  const keys = Object.keys(a);
  const prevKeys = Object.keys(b);
  // The same keys in the same order: Object.values and For show the rows in that order.
  let same = keys.length === prevKeys.length;
  let out: Record<string, unknown> | null = null;
  keys.forEach((key, i) => {
    const part = share(a[key], b[key]);
    if (part !== a[key]) (out ??= { ...a })[key] = part;
    if (part !== b[key] || prevKeys[i] !== key) same = false;
  });
  return same ? prev : (out ?? next);
}

/**
 * `next`, with every part deep-equal to the same part of `prev` replaced by prev's object (prev itself when all of it
 * is equal). Neither is changed: a part that differs is a new object holding the shared ones.
 */
export function shareUnchanged<T>(next: T, prev: T): T {
  return share(next, prev) as T; // share returns next or a copy of it of the same shape
}
