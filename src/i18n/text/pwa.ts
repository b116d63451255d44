// The installed app: offline readiness and the prompt to update, in English and Norwegian.
import type { Translation } from './translation';

export const pwaEn = {
  region: 'App update',
  offlineReady: 'The sandbox works offline now: every screen and scenario is kept in this browser.',
  offlineReadyShort: 'Works offline now',
  needRefresh: 'A new version of the sandbox is ready.',
  update: 'Update now',
  later: 'Later',
  dismiss: 'OK',
  waitCase: 'It will be offered when the training case in progress is finished.',
  waitRecording: 'It will be offered when the recording in progress is stopped.',
  updating: 'Updating…',
} as const;
