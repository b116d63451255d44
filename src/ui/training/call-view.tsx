// The call in progress: who the trainee is, what the caller says, what the trainee can ask the caller to do, the goals
// checked after every command, hints in steps, and Finish case. The caller's phone is guarded: only the caller uses it.
import { createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import type { TrainingRow } from '../../storage/db';
import { caseOf, recordInTraining, finishTraining, assessSession } from '../../scenario/training-store';
import { callerLoop, callerReply, nextGoal } from '../../scenario/training';
import type { CallerRequest, TrainingGoal } from '../../scenario/format';
import { findAdmin, findPhone } from '../../scenario/resolve';
import { pointAt } from './point-at';

export function CallView(props: { row: TrainingRow; onChange: () => void }) {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  // The row is keyed by its id (a new row mounts a new view), so the case is read once.
  const found = caseOf(props.row);
  const [busy, setBusy] = createSignal(false);
  const [finishing, setFinishing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [said, setSaid] = createSignal<Record<string, string>>({});

  const callerPhone = createMemo(() => {
    if (!found) return null;
    try {
      return findPhone(sandbox.world(), found.training.caller.phone);
    } catch {
      return null;
    }
  });
  onCleanup(sandbox.addGuard((command) => ('phoneId' in command && command.phoneId === callerPhone()?.id ? t().training.callersPhone : null)));

  // Goals are checked on the world after every command: the journal position is the source.
  const [assessment] = createResource(
    () => ({ seq: sandbox.seq(), world: sandbox.world(), now: sandbox.now() }),
    async ({ world, now }) => (found ? assessSession(found.training, props.row.startSeq, world, now, await sandbox.journal()) : null),
  );
  const goals = () => assessment.latest?.goals ?? [];
  const met = () => goals().filter((goal) => goal.met).length;

  const who = () => {
    if (!found) return '';
    try {
      const admin = findAdmin(sandbox.world(), found.training.trainee.admin, found.training.trainee.org);
      return t().training.youAre(admin.username, admin.role, sandbox.world().server.orgs[admin.orgId]?.name ?? admin.orgId);
    } catch {
      return '';
    }
  };
  const callerName = () => {
    const phone = callerPhone();
    return (phone && sandbox.world().people[phone.personId]?.name) ?? found?.training.caller.username ?? '';
  };

  const ask = async (request: CallerRequest, event: Event) => {
    event.preventDefault();
    if (!found || busy()) return;
    setBusy(true);
    setError(null);
    const words = request.ask ? (said()[request.id] ?? '') : undefined;
    try {
      const loop = callerLoop(request, words, new Map(Object.entries(props.row.kept)), { state: sandbox.world(), now: sandbox.now() }, lang());
      const run = await sandbox.drive(loop);
      const reply = callerReply(found.training, request, run);
      await recordInTraining(sandbox.db, props.row.id, {
        talk: { at: Date.now(), request: request.id, said: words ?? null, ok: reply.ok, reply: reply.text },
        kept: Object.fromEntries(run.kept),
      });
      setSaid({ ...said(), [request.id]: '' });
      props.onChange();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  /** The goal a hint is about, and the hints of it shown so far. */
  const hintGoal = (): TrainingGoal | null => {
    const current = assessment.latest;
    return found && current ? nextGoal(found.training, current) : null;
  };
  const shownHints = () => {
    const goal = hintGoal();
    if (!goal) return [];
    const levels = props.row.hints.filter((hint) => hint.goal === goal.id).length;
    return goal.hints.slice(0, levels);
  };
  const hint = async () => {
    const goal = hintGoal();
    if (!goal) return;
    const level = props.row.hints.filter((h) => h.goal === goal.id).length;
    if (level >= goal.hints.length) {
      if (goal.show) pointAt(goal.show.pane, goal.show.control[lang()]);
      return;
    }
    await recordInTraining(sandbox.db, props.row.id, { hint: { goal: goal.id, level, at: Date.now() } });
    props.onChange();
    if (level === goal.hints.length - 1 && goal.show) pointAt(goal.show.pane, goal.show.control[lang()]);
  };

  const finish = async () => {
    setBusy(true);
    setFinishing(true);
    setError(null);
    try {
      await finishTraining(sandbox.db, props.row.id, { world: sandbox.world(), serverNow: sandbox.now(), entries: await sandbox.journal() });
      props.onChange();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
      setFinishing(false);
    }
  };

  const requestLabel = (id: string) => found?.training.requests.find((request) => request.id === id)?.label[lang()] ?? id;

  return (
    <Show when={found} fallback={<p class="error" role="alert">{t().training.startFailed}: {props.row.fileName}</p>}>
      {(item) => (
        <div class="tr-call">
          <div class="tr-col tr-brief">
            <h3>{item().scenario.title[lang()]}</h3>
            <p class="muted">{who()}</p>
            <Show when={item().scenario.briefing}>
              {(briefing) => (
                <p class="tr-caller">
                  <strong>{t().training.callerSays(callerName())}</strong> <span class="tr-quote">“{briefing()[lang()]}”</span>
                </p>
              )}
            </Show>
            <ol class="tr-talk" aria-live="polite">
              <For each={props.row.talk}>
                {(line) => (
                  <>
                    <li class="tr-you">{line.said !== null ? t().training.youSaid(requestLabel(line.request), line.said) : t().training.youAsked(requestLabel(line.request))}</li>
                    <li class="tr-them" classList={{ 'tr-problem': !line.ok }}>{t().training.caller(callerName(), line.reply[lang()])}</li>
                  </>
                )}
              </For>
            </ol>
          </div>
          <div class="tr-col tr-requests">
            <p class="muted">{t().training.callerPhone(callerName())}</p>
            <For each={item().training.requests}>
              {(request) => (
                <form class="tr-request" onSubmit={(event) => ask(request, event)}>
                  <Show when={request.ask}>
                    {(asking) => (
                      <label>
                        <span>{asking().label[lang()]}</span>
                        <input value={said()[request.id] ?? ''} inputmode="numeric" autocomplete="off" onInput={(e) => setSaid({ ...said(), [request.id]: e.currentTarget.value })} />
                      </label>
                    )}
                  </Show>
                  <button type="submit" disabled={busy()}>{request.label[lang()]}</button>
                </form>
              )}
            </For>
          </div>
          <div class="tr-col tr-goals">
            <h3>{t().training.goals} <span class="muted">({t().training.goalsMet(met(), goals().length)})</span></h3>
            <ul class="tr-checklist">
              <For each={goals()}>
                {(goal) => (
                  <li classList={{ met: goal.met }}>
                    <span class="tr-tick" aria-hidden="true">{goal.met ? '✓' : '○'}</span>
                    <span>{goal.text[lang()]}</span>
                    <span class="visually-hidden">: {goal.met ? t().training.goalMet : t().training.goalOpen}</span>
                  </li>
                )}
              </For>
            </ul>
            <div class="tr-hints">
              <button type="button" onClick={hint} disabled={busy() || !hintGoal()}>{t().training.hint}</button>
              <span class="muted">{t().training.hintsUsed(props.row.hints.length)}</span>
              <Show when={!hintGoal() && goals().length > 0}><p class="note">{t().training.allMet}</p></Show>
              <ol class="tr-hint-list" aria-live="polite">
                <For each={shownHints()}>{(text) => <li>{text[lang()]}</li>}</For>
              </ol>
            </div>
            <div class="tr-finish">
              <button type="button" class="primary" onClick={finish} disabled={busy()}>{t().training.finish}</button>
              <Show when={finishing()}><span role="status" class="muted">{t().training.finishing}</span></Show>
            </div>
            <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
          </div>
        </div>
      )}
    </Show>
  );
}
