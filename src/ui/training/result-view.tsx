// The result of a finished case: goals met and missed, mistakes, time and hints, whether the journal verified, the
// trainee's run beside the case's expected path, the trainee's earlier results, and the export (verified again first).
import { createResource, createSignal, For, Show } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import type { TrainingRow } from '../../storage/db';
import { resultsOf, exportResults } from '../../scenario/training-store';
import type { TrainingResult, JournalCheck } from '../../scenario/training-store';
import type { PathStep } from '../../scenario/training';
import { describeFinding } from '../../i18n/describe-finding';
import { formatDateTime, formatTime } from '../../i18n/format';
import { download } from '../common/download';

export function ResultView(props: { row: TrainingRow; onAnother: () => void }) {
  const sandbox = useSandbox();
  const { t, lang } = useI18n();
  const result = props.row.result as TrainingResult; // set by finishTraining before finishedAt (this view's condition)
  const [past] = createResource(() => resultsOf(sandbox.db, props.row.trainee));
  const [saved, setSaved] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const met = result.goals.filter((goal) => goal.met);
  const missed = result.goals.filter((goal) => !goal.met);

  const journalWords = (journal: JournalCheck) => {
    if (journal.verified) return t().training.verified(journal.entries);
    if (journal.finding === 'gone') return t().training.sandboxGone;
    return t().training.notVerified(journal.finding ? describeFinding(journal.finding, t()) : '');
  };

  const exportAll = async () => {
    setBusy(true);
    try {
      const file = await exportResults(sandbox.db, props.row.trainee);
      download(file.fileName, file.text);
      setSaved(t().training.exported(file.fileName));
    } finally {
      setBusy(false);
    }
  };

  // The lists scroll when long: focusable so a keyboard can scroll them too.
  const path = (steps: PathStep[], label: string) => (
    <ol class="tr-path" tabindex="0" aria-label={label}>
      <For each={steps}>
        {(step) => (
          <li>
            <time>{formatTime(step.at)}</time> <span class="muted">{step.actor[lang()]}</span> {step.text[lang()]}
          </li>
        )}
      </For>
    </ol>
  );

  return (
    <div class="tr-result">
      <div class="tr-col">
        <h3>{t().training.result}: {t().training.resultFor(result.trainee, result.case.title[lang()])}</h3>
        <p class="tr-score" classList={{ good: missed.length === 0 && result.mistakes.length === 0 }}>
          {t().training.goalsMet(met.length, result.goals.length)} · {t().training.hintsUsed(result.hintsUsed)} · {t().training.time}: {t().training.duration(Math.floor(result.seconds / 60), result.seconds % 60)}
        </p>
        <p class="tr-journal" classList={{ error: !result.journal.verified }} role={result.journal.verified ? undefined : 'alert'}>{journalWords(result.journal)}</p>
        <h4>{t().training.metGoals}</h4>
        <Show when={met.length} fallback={<p class="muted">{t().training.none}</p>}>
          <ul class="tr-checklist"><For each={met}>{(goal) => <li class="met"><span class="tr-tick" aria-hidden="true">✓</span><span>{goal.text[lang()]}</span></li>}</For></ul>
        </Show>
        <h4>{t().training.missedGoals}</h4>
        <Show when={missed.length} fallback={<p class="muted">{t().training.none}</p>}>
          <ul class="tr-checklist"><For each={missed}>{(goal) => <li><span class="tr-tick" aria-hidden="true">✗</span><span>{goal.text[lang()]}</span></li>}</For></ul>
        </Show>
        <h4>{t().training.mistakes}</h4>
        <Show when={result.mistakes.length} fallback={<p class="muted">{t().training.noMistakes}</p>}>
          <ul class="tr-mistakes"><For each={result.mistakes}>{(mistake) => <li>{mistake.text[lang()]}</li>}</For></ul>
        </Show>
        <div class="tr-actions">
          <button type="button" class="primary" onClick={exportAll} disabled={busy()}>{t().training.exportResult}</button>
          <button type="button" onClick={() => props.onAnother()}>{t().training.another}</button>
          <Show when={saved()}><span role="status" class="note">{saved()}</span></Show>
        </div>
      </div>
      <div class="tr-col tr-paths">
        <div>
          <h4>{t().training.yourRun}</h4>
          {path(result.yourPath, t().training.yourRun)}
        </div>
        <div>
          <h4>{t().training.expectedPath}</h4>
          {path(result.expectedPath, t().training.expectedPath)}
        </div>
      </div>
      <div class="tr-col">
        <h4>{t().training.pastResults(result.trainee)}</h4>
        <ul class="tr-past">
          <For each={past() ?? []}>
            {(item) => <li>{t().training.resultLine(item.case.title[lang()], item.goals.filter((goal) => goal.met).length, item.goals.length, formatDateTime(item.finishedAt))}</li>}
          </For>
        </ul>
      </div>
    </div>
  );
}
