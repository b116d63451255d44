// The integrity words in Norwegian (bokmål): loaded when the page is in Norwegian (src/i18n/ui-text.ts). English: ../integrity.ts.
import type { Translation } from '../translation';
import type { integrityEn } from '../integrity';

export const integrityNb: Translation<typeof integrityEn> = {
  verifying: (checked, total) => `Kontrollerer historikken: ${checked} av ${total} poster…`,
  damagedTitle: 'Historikken i denne sandkassen holder ikke',
  damagedAction: 'Kommandoer avvises herfra. Eksporter sandkassen til en feilrapport, eller start en ny sandkasse fra siste gode post; denne blir stående som den er.',
  exportDamaged: 'Eksporter til feilrapport',
  forkGood: (seq) => `Ny sandkasse fra post ${seq}`,
  missing: (seq) => `Post ${seq} mangler i journalen.`,
  brokenLink: (seq) => `Post ${seq} henger ikke sammen med posten før: poster er fjernet, byttet om eller satt inn.`,
  changed: (seq) => `Post ${seq} er endret etter at den ble skrevet: fingeravtrykket stemmer ikke lenger.`,
  sealedPin: (seq) => `Post ${seq} har en PIN som ikke kan åpnes med nøkkelen til denne sandkassen.`,
  refused: (seq, message) => `Post ${seq} er en kommando reglene avviser: ${message}`,
  eventsDiffer: (seq, command) => `Post ${seq} (${command}) viser resultater kommandoen ikke gir: det som skjedde er endret.`,
  checkpoint: (seq) => `Den lagrede tilstanden ved post ${seq} er ikke det journalen gir: den er endret.`,
  head: (seq, headSeq) => `Journalen slutter ikke der sandkassen sier (post ${headSeq}); forskjellen begynner ved post ${seq}.`,
  readModel: (seq, log) => `Raden i ${log === 'event' ? 'hendelsesloggen' : 'revisjonsloggen'} for post ${seq} er ikke lik journalen.`,
};
