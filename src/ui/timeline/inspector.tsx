// The inspector of the entry at the moment shown: what was done and by whom, the rule that decided it, its events, and before / after.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { TimelineModel } from './create-timeline';
import { ChangeTable } from './change-table';
import { MarkIcon, NoteIcon } from './timeline-filters';
import { TrainerNoteText } from './narration';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { describeActor, describeCommand } from '../../i18n/describe-command';
import { describeAudit, describeEvent } from '../../i18n/describe-event';
import { formatDateTime } from '../../i18n/format';
import { diffStates } from '../../runtime/replay/state-diff';
import { rulesOf } from '../../runtime/replay/rule-of';
import { RuleDialog } from './rule-dialog';
import type { Entry } from '../../runtime/journal';

export function Inspector(props: { model: TimelineModel }) {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  const entry = () => props.model.entries()[props.model.position() - 1];
  // While replaying, the provider read both sides of the entry already; live, the last entry's are read here.
  const [states] = createResource(entry, async (chosen: Entry) => {
    const past = sandbox.replay();
    const [before, after] = past?.seq === chosen.seq ? [past.before, past.state] : await Promise.all([sandbox.stateAt(chosen.seq - 1), sandbox.stateAt(chosen.seq)]);
    return { before, after, changes: diffStates(before, after) };
  });
  const words = () => t().timeline;
  /** The rule whose own text is shown in the rule dialog, or null. */
  const [shownRule, setShownRule] = createSignal<string | null>(null);
  return (
    <section class="tl-inspector" role="region" aria-label={words().inspector}>
      <h3>{words().inspector}</h3>
      <Show when={entry()} fallback={<p class="note">{words().nothingSelected}</p>}>
        {(chosen) => {
          const world = () => states()?.before ?? sandbox.world();
          const facet = () => props.model.facets()[chosen().seq - 1];
          const others = () => [...new Set(chosen().events.filter((e) => e.type !== 'EventLogged' && e.type !== 'AuditRecorded').map((e) => e.type))].join(', ');
          return (
            <>
              <p class="tl-entry-head">
                <Show when={facet()}>{(f) => <><MarkIcon kind={f().kind} /> {words().kinds[f().kind]} · </>}</Show>
                {words().entry(chosen().seq, formatDateTime(chosen().at))}
              </p>
              <dl class="tl-facts">
                <dt>{words().done}</dt>
                <dd>{describeCommand(chosen().command, world(), lang())}</dd>
                <dt>{words().by}</dt>
                <dd>{describeActor(chosen().command, world(), lang())}</dd>
                <Show when={props.model.stepAt(chosen().seq)?.note}>
                  {(note) => (
                    <>
                      <dt><NoteIcon /> {t().links.note}</dt>
                      <dd><TrainerNoteText note={note()} heading={false} /></dd>
                    </>
                  )}
                </Show>
                <dt>{words().rule}</dt>
                <dd>
                  <Show when={rulesOf(chosen()).length > 0} fallback={words().noRule}>
                    <For each={rulesOf(chosen())}>
                      {(rule) => (
                        <button type="button" class="tl-rule" aria-haspopup="dialog" title={t().links.showRule(rule)} onClick={() => setShownRule(rule)}>{rule}</button>
                      )}
                    </For>
                  </Show>
                </dd>
              </dl>
              <h4>{words().events}</h4>
              <ul class="tl-events">
                <For each={chosen().events}>
                  {(event) =>
                    event.type === 'EventLogged' ? (
                      <li><strong>{event.entry.type}</strong> · {world().server.orgs[event.entry.orgId]?.name ?? event.entry.orgId}{event.entry.username ? ` · ${event.entry.username}` : ''}: {describeEvent(event.entry.reason, lang())}</li>
                    ) : event.type === 'AuditRecorded' ? (
                      <li><strong>{event.entry.adminUsername}</strong>: {describeAudit(event.entry.action, lang())}</li>
                    ) : null
                  }
                </For>
              </ul>
              <Show when={!chosen().events.some((e) => e.type === 'EventLogged' || e.type === 'AuditRecorded')}><p class="note">{words().noEvents}</p></Show>
              <Show when={others()}><p class="note">{words().otherEvents(others())}</p></Show>
              <h4>{words().changes}</h4>
              <Show when={states()}>{(s) => <ChangeTable changes={s().changes} />}</Show>
            </>
          );
        }}
      </Show>
      <RuleDialog id={shownRule()} onShow={setShownRule} onClose={() => setShownRule(null)} />
    </section>
  );
}
