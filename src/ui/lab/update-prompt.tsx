// The service worker (vite-plugin-pwa, prompt to update): registered once by the lab bar; a small note when the sandbox
// works offline, and a new version offered only when the person says so, never in the middle of a case or a recording.
import { onCleanup, Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { useI18n } from '../i18n/i18n-provider';

/** How long the "works offline" note stays before it goes by itself. */
const NOTE_MS = 10_000;

export type Pwa = ReturnType<typeof useRegisterSW>;

/** Registers the service worker (once, from the lab bar). */
export function usePwa(): Pwa {
  // The page reloads itself when the new worker takes control (applyUpdate): workbox counts an update found after the
  // first registration as "external", and the plugin's own reload only follows one it installed itself.
  return useRegisterSW({ immediate: true, onNeedReload: () => {} });
}

/** Applies the waiting version: it takes control, then the page loads again from it. Only on the person's word. */
async function applyUpdate(pwa: Pwa): Promise<void> {
  navigator.serviceWorker?.addEventListener('controllerchange', () => location.reload(), { once: true });
  await pwa.updateServiceWorker(true);
}

/** "Works offline now", beside the title, for a while: it moves nothing on the screens. */
export function OfflineNote(props: { pwa: Pwa }) {
  const { t } = useI18n();
  const [ready, setReady] = props.pwa.offlineReady;
  const timer = setInterval(() => {
    if (ready()) setReady(false);
  }, NOTE_MS);
  onCleanup(() => clearInterval(timer));
  return (
    <Show when={ready()}>
      <span class="offline-note" role="status" title={t().pwa.offlineReady}>{t().pwa.offlineReadyShort}</span>
    </Show>
  );
}

/** A new version is ready: Update now (refused while a case or a recording runs) or Later. */
export function UpdatePrompt(props: { pwa: Pwa; caseRunning: boolean; recording: boolean }) {
  const { t } = useI18n();
  const [needRefresh, setNeedRefresh] = props.pwa.needRefresh;
  const busy = () => props.caseRunning || props.recording;
  return (
    <Show when={needRefresh()}>
      <div class="update-prompt" role="region" aria-label={t().pwa.region}>
        <p role="status">
          {t().pwa.needRefresh}
          <Show when={busy()}> {props.caseRunning ? t().pwa.waitCase : t().pwa.waitRecording}</Show>
        </p>
        <button type="button" class="primary" disabled={busy()} onClick={() => void applyUpdate(props.pwa)}>{t().pwa.update}</button>
        <button type="button" onClick={() => setNeedRefresh(false)}>{t().pwa.later}</button>
      </div>
    </Show>
  );
}
