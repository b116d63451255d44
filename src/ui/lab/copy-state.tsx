// "Copy state" for a bug report: the seed, the journal position and what the screens show, on the clipboard.
import { createSignal, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { formatDateTime } from '../../i18n/format';
import type { WorldState } from '../../domain';

/** The state as plain text: what a tester pastes into a bug report so the moment can be found again. */
async function stateText(world: WorldState, info: { id: string; name: string; seed: string; headSeq: number; headHash: string }, now: number): Promise<string> {
  // The views the scenario runner checks against: the same words for what each screen shows (loaded on first use).
  const { phoneView, userView } = await import('../../scenario/expectations');
  const { clock } = world;
  const lines = [
    'Code support sandbox: state for a bug report',
    `Sandbox: ${info.name} (${info.id})`,
    `Seed: ${info.seed}`,
    `Journal: entry ${info.headSeq}, head ${info.headHash}`,
    `Server time: ${formatDateTime(now)} UTC (${clock.running ? `running ×${clock.speed}` : 'paused'})`,
    'Phones:',
  ];
  for (const phone of Object.values(world.phones)) {
    const view = phoneView(world, phone.id, now);
    const person = world.people[phone.personId];
    if (!view) continue;
    const offset = phone.clockOffsetMs === 0 ? 'in step' : `${phone.clockOffsetMs > 0 ? '+' : ''}${phone.clockOffsetMs / 1000} s`;
    const attempts = view.attemptsRemaining === null ? '' : ` (${view.attemptsRemaining} attempts remaining)`;
    lines.push(
      `- ${phone.label} (${person?.name ?? phone.personId}, ${person?.mobile ?? ''}): ${view.online ? 'online' : 'offline'}, clock ${offset}; ` +
        `screen ${view.screen}; message ${view.notice}${attempts}; code ${view.code ?? 'none'}; linked ${view.linked.join(', ') || 'none'}; blocked ${view.blocked.join(', ') || 'none'}`,
    );
  }
  lines.push('Manager, blocked users:');
  for (const link of Object.values(world.server.links)) {
    const view = userView(world, link.orgId, link.username, now);
    if (!view || !view.blocked) continue;
    lines.push(`- ${link.orgId}: ${link.username} (${view.cause}; UBC ${view.ubc}, ${view.ubcAttemptsLeft} attempts left; PIN attempts ${view.pinAttempts}; code attempts ${view.codeAttempts})`);
  }
  return lines.join('\n');
}

export function CopyStateButton() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const [shown, setShown] = createSignal<{ ok: boolean; text: string } | null>(null);
  const copy = async () => {
    const text = await stateText(sandbox.world(), sandbox.info(), sandbox.now());
    try {
      await navigator.clipboard.writeText(text);
      setShown({ ok: true, text });
    } catch {
      setShown({ ok: false, text }); // no clipboard (permissions, an insecure page): show it to copy by hand
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>{t().history.copyState}</button>
      <Show when={shown()} keyed>
        {(now) => (
          <div class="copied-state" role="status">
            <p class={now.ok ? 'note' : 'error'}>{now.ok ? t().history.copied : t().history.copyFailed}</p>
            <Show when={!now.ok}>
              <textarea readOnly rows={8} aria-label={t().history.copyState} value={now.text} />
            </Show>
          </div>
        )}
      </Show>
    </>
  );
}
