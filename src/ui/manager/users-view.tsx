// The Users tab (R-MGR-2, R-MGR-3): the list of everyone who has logged in at the org, or one user's details.
import { Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { getLink } from '../../domain';
import { useManager } from './manager-session';
import { UsersList } from './users-list';
import { UserDetails } from './user-details';

export function UsersView() {
  const sandbox = useSandbox();
  const session = useManager();
  const link = () => {
    const mobile = session.selected();
    return mobile === null ? undefined : getLink(sandbox.world().server, session.org().id, mobile);
  };
  return (
    <Show when={link()} fallback={<UsersList />}>
      {(current) => <UserDetails link={current()} />}
    </Show>
  );
}
