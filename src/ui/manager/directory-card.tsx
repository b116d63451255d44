// One directory in Setup: its place in the lookup order with move up / down, its kind, and its entries (add, remove).
import { For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import type { Directory } from '../../domain';
import { useManager } from './manager-session';
import { RemoveButton } from './remove-button';
import { CommandError } from './command-error';
import { AddEntryForm } from './add-entry-form';

export function DirectoryCard(props: { directory: Directory; position: number; isFirst: boolean; isLast: boolean; onMove: (delta: number) => void }) {
  const { t } = useI18n();
  const session = useManager();
  const remove = createCommand();
  const removeEntry = (username: string) =>
    remove.run({ type: 'RemoveDirectoryEntry', orgId: session.org().id, directoryId: props.directory.id, username, by: session.admin().id });

  return (
    <li class="mgr-card mgr-directory">
      <div class="mgr-directory-head">
        <span class="mgr-position" aria-hidden="true">{props.position}</span>
        <div class="mgr-row-main">
          <h3><span class="visually-hidden">{t().manager.position(props.position)}: </span>{props.directory.name}</h3>
          <span class="mgr-small muted">
            {props.directory.kind}
            <Show when={props.directory.checksAppId}> · {t().manager.checksAppId}</Show>
          </span>
        </div>
        <span class="mgr-row-tools">
          <button type="button" class="mgr-icon-button" data-move={`${props.directory.id}:up`} aria-label={t().manager.moveUp(props.directory.name)} disabled={props.isFirst} onClick={() => props.onMove(-1)}>↑</button>
          <button type="button" class="mgr-icon-button" data-move={`${props.directory.id}:down`} aria-label={t().manager.moveDown(props.directory.name)} disabled={props.isLast} onClick={() => props.onMove(1)}>↓</button>
        </span>
      </div>
      <details class="mgr-entries">
        <summary>{t().manager.entriesOf(props.directory.name, props.directory.entries.length)}</summary>
        <Show when={props.directory.entries.length > 0} fallback={<p class="muted mgr-small">{t().manager.noEntries}</p>}>
          <ul class="mgr-rows mgr-entry-rows">
            <For each={props.directory.entries.map((entry) => entry.username)}>
              {(username) => (
                <Show when={props.directory.entries.find((entry) => entry.username === username)}>
                  {(entry) => (
                    <li class="mgr-row">
                      <div class="mgr-row-main">
                        <span class="mgr-admin-name">{entry().username}</span>
                        <span class="mgr-mono mgr-small muted">{[entry().mobile ?? '—', entry().appId].filter(Boolean).join(' · ')}</span>
                      </div>
                      <RemoveButton name={username} onConfirm={() => removeEntry(username)} />
                    </li>
                  )}
                </Show>
              )}
            </For>
          </ul>
        </Show>
        <CommandError runner={remove} />
        <AddEntryForm directory={props.directory} />
      </details>
    </li>
  );
}
