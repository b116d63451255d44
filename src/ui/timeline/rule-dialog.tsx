// A rule's own text in a dialog, from the rule book bundled with the app (docs/rules.md is not served by the built app).
// The book loads the first time a rule is shown. It is written in English; the Norwegian screens say so.
import { createEffect, createResource, For, Match, Show, Switch } from 'solid-js';
import type { JSX } from 'solid-js';
import { useI18n } from '../i18n/i18n-provider';
import type { Block, Inline } from './rule-text';

let dialogs = 0;

/** One inline piece; a rule id it names opens that rule in the same dialog. */
function Piece(props: { part: Inline; onRule: (id: string) => void; current: string }): JSX.Element {
  const { t } = useI18n();
  const part = props.part;
  switch (part.kind) {
    case 'code':
      return <code>{part.text}</code>;
    case 'strong':
      return <strong>{part.text}</strong>;
    case 'link':
      // The book's links point into files the app does not serve: their words stay, the address does not.
      return <span class="rule-link-text">{part.text}</span>;
    case 'rule':
      return part.id === props.current ? <>{part.id}</> : (
        <button type="button" class="rule-ref" title={t().links.showRule(part.id)} onClick={() => props.onRule(part.id)}>{part.id}</button>
      );
    default:
      return <>{part.text}</>;
  }
}

function Pieces(props: { parts: Inline[]; onRule: (id: string) => void; current: string }) {
  return <For each={props.parts}>{(part) => <Piece part={part} onRule={props.onRule} current={props.current} />}</For>;
}

/** The dialog for the rule `id` (null: closed). `onShow` moves it to another rule the text names; `onClose` closes it. */
export function RuleDialog(props: { id: string | null; onShow: (id: string) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const headingId = `rule-dialog-${++dialogs}`;
  let dialog: HTMLDialogElement | undefined;
  const [rule] = createResource(() => props.id, async (id: string) => (await import('./rule-book')).lookUpRule(id));
  createEffect(() => {
    if (!dialog) return;
    if (props.id !== null && !dialog.open) dialog.showModal();
    if (props.id === null && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} class="editor-dialog rule-dialog" aria-labelledby={headingId} onClose={() => props.onClose()}>
      <div class="dialog-head">
        <h2 id={headingId}>
          <span class="rule-dialog-id">{props.id ?? ''}</span>
          <Show when={rule()?.ok ? rule() : null} keyed>{(found) => (found.ok ? <span class="rule-dialog-title" lang="en"> {found.title}</span> : null)}</Show>
        </h2>
        <button type="button" onClick={() => dialog?.close()}>{t().close}</button>
      </div>
      <Show when={lang() === 'nb'}><p class="rule-dialog-lang">{t().links.ruleBookLanguage}</p></Show>
      <Show when={rule()} keyed fallback={<p role="status">{t().links.ruleLoading}</p>}>
        {(found) => (
          <Switch>
            <Match when={!found.ok}>
              <p role="alert" class="rule-dialog-missing">{t().links.noSuchRule(found.id)}</p>
            </Match>
            <Match when={found.ok ? found : null} keyed>
              {(text) => (
                <div class="rule-dialog-text" lang="en">
                  <For each={text.blocks}>
                    {(block: Block) =>
                      block.kind === 'paragraph' ? (
                        <p><Pieces parts={block.parts} onRule={props.onShow} current={text.id} /></p>
                      ) : (
                        <ul><For each={block.items}>{(item) => <li><Pieces parts={item} onRule={props.onShow} current={text.id} /></li>}</For></ul>
                      )
                    }
                  </For>
                </div>
              )}
            </Match>
          </Switch>
        )}
      </Show>
      <p class="rule-dialog-source">{t().links.ruleSource}</p>
    </dialog>
  );
}
