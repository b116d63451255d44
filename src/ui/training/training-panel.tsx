// The Training region (loaded on first use): start a case, take the call, see the result. One case per sandbox: the
// session is read from IndexedDB for whichever sandbox is open, so a reload or a second tab picks it up again.
import { createEffect, createResource, createSignal, Match, onCleanup, Switch } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { trainingIn } from '../../scenario/training-store';
import type { TrainingRow } from '../../storage/db';
import { StartCase } from './start-case';
import { CallView } from './call-view';
import { ResultView } from './result-view';
import './training.css';

export default function TrainingPanel(props: { onClose: () => void; onRunning: (running: boolean) => void }) {
  const sandbox = useSandbox();
  const { t } = useI18n();
  /** Bumped after anything changes the session row (an answer, a hint, the finish). */
  const [version, setVersion] = createSignal(0);
  const [fresh, setFresh] = createSignal<string | null>(null);
  const [session] = createResource(
    () => ({ id: sandbox.info().id, version: version() }),
    ({ id }) => trainingIn(sandbox.db, id).then((row) => row ?? null),
  );
  const changed = () => setVersion((n) => n + 1);
  const running = () => {
    const row = session.latest;
    return row && row.finishedAt === null ? row : null;
  };
  createEffect(() => props.onRunning(running() !== null));
  onCleanup(() => props.onRunning(false));
  const finished = () => {
    const row = session.latest;
    return row && row.finishedAt !== null && fresh() !== row.id ? row : null;
  };
  return (
    <section class="training" role="region" aria-label={t().training.region}>
      <div class="tr-head">
        <h2>{t().training.region}</h2>
        {/* A case in progress keeps the panel: it holds the caller, and the caller's phone is in the caller's hands. */}
        <button type="button" class="tr-close" disabled={running() !== null} title={running() ? t().training.inProgress : undefined} onClick={() => props.onClose()}>
          {t().training.close}
        </button>
      </div>
      <Switch fallback={<StartCase onStarted={() => { setFresh(null); changed(); }} />}>
        <Match when={session.loading && session.latest === undefined}>
          <p role="status">{t().training.starting}</p>
        </Match>
        {/* Keyed by the session's id: a new answer or hint updates the view in place (goals and what was typed stay). */}
        <Match when={running()?.id} keyed>
          {/* running() is a session while this Match shows (its condition); the getter follows its updates. */}
          {(_id: string) => <CallView row={running() as TrainingRow} onChange={changed} />}
        </Match>
        <Match when={finished()} keyed>
          {(row: TrainingRow) => <ResultView row={row} onAnother={() => setFresh(row.id)} />}
        </Match>
      </Switch>
    </section>
  );
}
