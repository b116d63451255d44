// The sandbox page: the lab bar above the three places where support work happens, side by side.
import { I18nProvider, useI18n } from './i18n/i18n-provider';
import { SandboxProvider } from './sandbox/sandbox-provider';
import { LabBar } from './lab/lab-bar';
import { Workspace } from './workspace';
import { ScenarioDrop } from './lab/scenario-drop';
import { DemoHost } from './demo/demo-host';

function Loading() {
  const { t } = useI18n();
  return <p class="loading" role="status">{t().loading}</p>;
}

export function App() {
  return (
    <I18nProvider>
      <SandboxProvider fallback={<Loading />}>
        <LabBar />
        <Workspace />
        <DemoHost />
        <ScenarioDrop />
      </SandboxProvider>
    </I18nProvider>
  );
}
