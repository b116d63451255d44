// SUPERUSER: the org's directories in lookup order (R-VER-1), moved up or down; each with its entries; add a directory.
import { createMemo, For, Show } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import { createCommand } from '../sandbox/create-command';
import { useManager } from './manager-session';
import { DirectoryCard } from './directory-card';
import { AddDirectoryForm } from './add-directory-form';
import { CommandError } from './command-error';

export function DirectoriesView() {
  const { t } = useI18n();
  const session = useManager();
  const move = createCommand();
  const directories = () => session.org().directories;
  // Keyed by id (strings compare by value): a card keeps its open entries and focus when the list changes or moves.
  const ids = createMemo(() => directories().map((directory) => directory.id));
  let list: HTMLOListElement | undefined;
  /** Moves a directory; moving its card in the page drops the focus, so it is put back on the same arrow (or the other one at an end). */
  const moveTo = async (directoryId: string, toIndex: number, direction: 'up' | 'down') => {
    if (!(await move.run({ type: 'MoveDirectory', orgId: session.org().id, directoryId, toIndex, by: session.admin().id }))) return;
    const other = direction === 'up' ? 'down' : 'up';
    const button = (which: string) => list?.querySelector<HTMLButtonElement>(`[data-move="${directoryId}:${which}"]:not(:disabled)`);
    (button(direction) ?? button(other))?.focus();
  };

  return (
    <div class="mgr-setup-section">
      <p class="mgr-small muted">{t().manager.orderHint}</p>
      <ol class="mgr-directories" ref={list}>
        <For each={ids()}>
          {(id, index) => (
            <Show when={directories().find((directory) => directory.id === id)}>
              {(directory) => (
                <DirectoryCard
                  directory={directory()}
                  position={index() + 1}
                  isFirst={index() === 0}
                  isLast={index() === ids().length - 1}
                  onMove={(delta) => moveTo(id, index() + delta, delta < 0 ? 'up' : 'down')}
                />
              )}
            </Show>
          )}
        </For>
      </ol>
      <CommandError runner={move} />
      <AddDirectoryForm />
    </div>
  );
}
