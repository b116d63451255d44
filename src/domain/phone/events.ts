// Phone events: facts about one phone and its app.
import type { AppLinkView } from '../server/commands';
import type { AppDevice, AppNotice, AppScreen, PhoneId, PersonId } from './state';

export type PhoneEvent =
  | { type: 'PhoneAdded'; phoneId: PhoneId; personId: PersonId; label: string }
  | { type: 'PhoneOnlineSet'; phoneId: PhoneId; online: boolean }
  | { type: 'PhoneClockOffsetSet'; phoneId: PhoneId; offsetMs: number }
  | { type: 'SmsDelivered'; phoneId: PhoneId; at: number; code: string }
  | { type: 'AppActivated'; phoneId: PhoneId; device: AppDevice }
  | { type: 'AppScreenShown'; phoneId: PhoneId; screen: AppScreen; notice: AppNotice | null }
  | { type: 'AppLinksUpdated'; phoneId: PhoneId; links: AppLinkView[]; pinBlocked: boolean }
  | { type: 'AppWiped'; phoneId: PhoneId };
