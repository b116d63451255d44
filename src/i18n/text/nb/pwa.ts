// The pwa words in Norwegian (bokmål): loaded when the page is in Norwegian (src/i18n/ui-text.ts). English: ../pwa.ts.
import type { Translation } from '../translation';
import type { pwaEn } from '../pwa';

export const pwaNb: Translation<typeof pwaEn> = {
  region: 'Oppdatering av appen',
  offlineReady: 'Sandkassen virker nå uten nett: alle skjermer og scenarioer er lagret i denne nettleseren.',
  offlineReadyShort: 'Virker nå uten nett',
  needRefresh: 'En ny versjon av sandkassen er klar.',
  update: 'Oppdater nå',
  later: 'Senere',
  dismiss: 'OK',
  waitCase: 'Den tilbys når opplæringssaken som pågår, er avsluttet.',
  waitRecording: 'Den tilbys når opptaket som pågår, er stoppet.',
  updating: 'Oppdaterer …',
};
