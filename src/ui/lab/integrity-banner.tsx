// Whether the open sandbox's history proves itself: a quiet progress line while it is checked, a clear report and the ways on when it does not.
import { Match, Show, Switch } from 'solid-js';
import { useSandbox } from '../sandbox/sandbox-provider';
import { useI18n } from '../i18n/i18n-provider';
import { describeFinding } from '../../i18n/describe-finding';
import { download } from '../common/download';

export function IntegrityBanner() {
  const sandbox = useSandbox();
  const { t } = useI18n();
  const integrity = () => sandbox.integrity();
  const exportForReport = async () => {
    const file = await sandbox.exportFile();
    download(file.fileName.replace(/\.sandbox\.json$/, '.bug-report.sandbox.json'), file.text);
  };
  return (
    <Switch>
      <Match when={!integrity().ok && integrity()}>
        {(bad) => {
          const report = () => bad() as Extract<ReturnType<typeof integrity>, { ok: false }>; // narrowed by the when above
          return (
            <div class="error banner integrity-report" role="alert">
              <p class="integrity-title"><strong>{t().integrity.damagedTitle}</strong></p>
              <p>{describeFinding(report().problem, t())}</p>
              <p>{t().integrity.damagedAction}</p>
              <div class="integrity-actions">
                <button type="button" onClick={() => void exportForReport()}>{t().integrity.exportDamaged}</button>
                <Show when={report().verified > 0}>
                  <button type="button" onClick={() => void sandbox.fork(report().verified, `${sandbox.info().name} (${report().verified})`.slice(0, 60))}>
                    {t().integrity.forkGood(report().verified)}
                  </button>
                </Show>
              </div>
            </div>
          );
        }}
      </Match>
      <Match when={integrity().ok && (integrity() as { verifying: { checked: number; total: number } | null }).verifying}>
        {(progress) => (
          <p class="integrity-progress" role="status">
            <progress max={progress().total} value={progress().checked} aria-hidden="true" />
            {t().integrity.verifying(progress().checked, progress().total)}
          </p>
        )}
      </Match>
    </Switch>
  );
}
