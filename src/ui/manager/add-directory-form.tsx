// SUPERUSER: add a directory (LDAP or HTTP, optionally checking App-IDs) at the end of the lookup order (audited).
import { createSignal } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { useSandbox } from '../sandbox/sandbox-provider';
import type { DirectoryKind } from '../../domain';
import { useManager } from './manager-session';
import { addDirectoryCommand } from '../../runtime/world-edits';
import { CommandError } from './command-error';

export function AddDirectoryForm() {
  const { t } = useI18n();
  const session = useManager();
  const sandbox = useSandbox();
  const add = createCommand();
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<DirectoryKind>('LDAP');
  const [checksAppId, setChecksAppId] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const org = session.org();
    const reply = await add.run(addDirectoryCommand(sandbox.world(), org.id, session.admin().id, name(), kind(), checksAppId()));
    if (reply) {
      setName('');
      setChecksAppId(false);
    }
  };

  return (
    <form class="mgr-card mgr-add-form" aria-labelledby="mgr-add-directory-title" onSubmit={submit}>
      <h3 id="mgr-add-directory-title" class="mgr-card-title">{t().manager.addDirectory}</h3>
      <div class="mgr-form-grid">
        <label class="mgr-field">
          <span>{t().manager.directoryName}</span>
          <input required maxLength={80} autocomplete="off" value={name()} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label class="mgr-field">
          <span>{t().manager.kind}</span>
          <select value={kind()} onChange={(event) => setKind(event.currentTarget.value === 'HTTP' ? 'HTTP' : 'LDAP')}>
            <option value="LDAP">LDAP</option>
            <option value="HTTP">HTTP</option>
          </select>
        </label>
        <label class="mgr-check">
          <input type="checkbox" checked={checksAppId()} onChange={(event) => setChecksAppId(event.currentTarget.checked)} />
          {t().manager.checksAppId}
        </label>
        <button type="submit" class="primary" disabled={add.pending()}>{t().manager.add}</button>
      </div>
      <CommandError runner={add} />
    </form>
  );
}
