// The history words in Norwegian (bokmål): loaded when the page is in Norwegian (src/i18n/ui-text.ts). English: ../history.ts.
import type { Translation } from '../translation';
import type { historyEn } from '../history';

export const historyNb: Translation<typeof historyEn> = {
  undo: 'Angre',
  undoHint: 'Angre siste handling. Første angring åpner en kopi uten den; det som ble gjort, blir igjen i den opprinnelige sandkassen.',
  nothingToUndo: 'Det er ingenting å angre.',
  savePoint: 'Lagre punkt',
  pointName: 'Navn på punktet',
  save: 'Lagre',
  points: 'Lagrede punkter',
  noPoints: 'Ingen punkter er lagret i denne sandkassen ennå.',
  pointAt: (seq, time) => `post ${seq}, ${time} UTC`,
  openPoint: (name) => `Åpne «${name}» som en ny sandkasse`,
  pointSaved: (name) => `Lagret «${name}».`,
  copyState: 'Kopier tilstand',
  copied: 'Tilstanden ligger på utklippstavlen: lim den inn i feilrapporten.',
  copyFailed: 'Utklippstavlen er ikke tilgjengelig her; tilstanden vises under så du kan kopiere den selv.',
  presenterView: 'Presentasjonsvisning',
  presenterOn: 'Presentasjonsvisning er på',
  hideLab: 'Skjul labfeltet',
  showLab: 'Vis labfeltet',
  nextStep: 'Neste 30-sekunders steg',
  nextStepKey: 'Tast N: neste 30-sekunders steg',
  confirm: 'Ja',
  cancel: 'Avbryt',
  resetQuestion: (name) => `Tilbakestille «${name}» til standardverdenen? Alt som er gjort i den, går tapt.`,
  deleteQuestion: (name) => `Slette «${name}» og alt i den?`,
  renameLabel: 'Nytt navn',
};
