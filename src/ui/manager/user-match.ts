// Searching and filtering the users list (R-MGR-2): by the person's name, username, mobile or App-ID; blocked only or inactive only.
import type { Link } from '../../domain';

export type UserFilter = 'all' | 'blocked' | 'inactive';
export const USER_FILTERS: readonly UserFilter[] = ['all', 'blocked', 'inactive'];

/** A user as the list shows them: the link, the person's name, the App-ID of the holder's current device, and how many orgs they are linked to. */
export interface UserRow {
  link: Link;
  /** The name of the person with this mobile number in the world, or null when nobody has it. */
  name: string | null;
  appId: string | null;
  orgCount: number;
}

/** Whether a row passes the filter and the search text (case-insensitive; spaces in numbers are ignored). */
export function matchesUser(row: UserRow, filter: UserFilter, search: string): boolean {
  if (filter === 'blocked' && !row.link.blocked) return false;
  if (filter === 'inactive' && row.link.status !== 'inactive') return false;
  const query = search.trim().toLowerCase();
  if (query === '') return true;
  const digits = query.replace(/[\s-]/g, '');
  return (
    row.link.username.toLowerCase().includes(query) ||
    (row.name !== null && row.name.toLowerCase().includes(query)) ||
    (/^\+?\d+$/.test(digits) && row.link.mobile.replace(/\s/g, '').includes(digits)) ||
    (/^\d+$/.test(digits) && row.appId !== null && row.appId.includes(digits))
  );
}
