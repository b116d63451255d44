// Blocking links and counting toward a block, shared by the app, login and Manager paths (R-BLK-1..3, R-UBC-1, R-UBC-3, R-UBC-6).
import type { Transaction } from './transaction';
import type { BlockCause, Mobile, OrgId } from './state';
import { linksOf, getLink } from './state';
import { UBC_DIGITS, MAX_UBC_ATTEMPTS } from '../policy';

/** R-UBC-1: a fresh 9-digit UBC, unique among the UBCs outstanding on any link. */
export function freshUbc(tx: Transaction): string {
  const taken = new Set(Object.values(tx.state.links).map((link) => link.ubc));
  for (;;) {
    const candidate = tx.ctx.random.digits(UBC_DIGITS);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Blocks one link with a fresh UBC (R-UBC-1). `logged` writes a PIN_Blocked entry; a block that is part
 * of a login attempt is described in that attempt's own entry instead (R-VER-8: exactly one entry per attempt).
 */
export function blockLink(tx: Transaction, orgId: OrgId, mobile: Mobile, cause: BlockCause, logged: boolean): void {
  const link = getLink(tx.state, orgId, mobile);
  if (!link || link.blocked) return;
  tx.emit({ type: 'LinkBlocked', orgId, mobile, cause, ubc: freshUbc(tx), at: tx.ctx.now });
  if (logged) {
    tx.log({ orgId, type: 'PIN_Blocked', username: link.username, mobile, accessServerId: null, reason: { kind: 'pin-blocked', cause } });
  }
}

/**
 * R-BLK-1: the 3rd wrong PIN in a row blocks every link of the holder (cause: PIN attempts).
 * R-UBC-6: with no link at all the PIN is blocked without any UBC.
 * `describedAt`: the org whose login attempt caused the block and describes it in its own entry.
 */
export function blockPin(tx: Transaction, mobile: Mobile, describedAt: OrgId | null = null): void {
  const links = linksOf(tx.state, mobile);
  if (links.length === 0) {
    tx.emit({ type: 'PinBlockedWithoutLink', mobile });
    return;
  }
  // Each org's log says why; the org where a login caused it already says so in that attempt's entry.
  for (const link of links) blockLink(tx, link.orgId, mobile, 'pin-attempts', link.orgId !== describedAt);
}

/** R-UBC-3: counts one wrong UBC entry (online in the app, or an offline unblock code at login); the 3rd blocks the UBC. */
export function countWrongUbc(tx: Transaction, orgId: OrgId, mobile: Mobile): { attemptsRemaining: number; ubcBlocked: boolean } {
  tx.emit({ type: 'UbcAttemptFailed', orgId, mobile });
  const failures = getLink(tx.state, orgId, mobile)?.ubcFailures ?? MAX_UBC_ATTEMPTS;
  const attemptsRemaining = Math.max(0, MAX_UBC_ATTEMPTS - failures);
  if (attemptsRemaining === 0) tx.emit({ type: 'UbcBlocked', orgId, mobile });
  return { attemptsRemaining, ubcBlocked: attemptsRemaining === 0 };
}
