// SUPERUSER: add an entry (username, mobile, optional App-ID) to one directory (AddDirectoryEntry with `by`, audited).
import { createSignal } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import type { Directory, DirectoryEntry } from '../../domain';
import { useManager } from './manager-session';
import { CommandError } from './command-error';

export function AddEntryForm(props: { directory: Directory }) {
  const { t } = useI18n();
  const session = useManager();
  const add = createCommand();
  const [username, setUsername] = createSignal('');
  const [mobile, setMobile] = createSignal('');
  const [appId, setAppId] = createSignal('');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const entry: DirectoryEntry = { username: username() };
    if (mobile().trim() !== '') entry.mobile = mobile().trim();
    if (appId().trim() !== '') entry.appId = appId().trim();
    const reply = await add.run({ type: 'AddDirectoryEntry', orgId: session.org().id, directoryId: props.directory.id, entry, by: session.admin().id });
    if (reply) {
      setUsername('');
      setMobile('');
      setAppId('');
    }
  };

  return (
    <form class="mgr-add-form mgr-add-inline" aria-label={`${t().manager.addEntry}: ${props.directory.name}`} onSubmit={submit}>
      <div class="mgr-form-grid">
        <label class="mgr-field">
          <span>{t().manager.adminUsername}</span>
          <input required maxLength={64} autocomplete="off" value={username()} onInput={(event) => setUsername(event.currentTarget.value)} />
        </label>
        <label class="mgr-field">
          <span>{t().manager.mobileOptional}</span>
          <input type="tel" autocomplete="off" placeholder="+47…" value={mobile()} onInput={(event) => setMobile(event.currentTarget.value)} />
        </label>
        <label class="mgr-field">
          <span>{t().manager.appIdOptional}</span>
          <input inputmode="numeric" autocomplete="off" value={appId()} onInput={(event) => setAppId(event.currentTarget.value)} />
        </label>
        <button type="submit" class="primary" disabled={add.pending()}>{t().manager.addEntry}</button>
      </div>
      <CommandError runner={add} />
    </form>
  );
}
