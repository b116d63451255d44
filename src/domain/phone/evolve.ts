// evolve for phones: applies one phone event.
import type { PhoneEvent } from './events';
import type { PhoneState } from './state';
import { freshApp } from './state';

const INBOX_SIZE = 10;

/** Applies one phone event to the phones map. Pure. */
export function evolvePhones(phones: Record<string, PhoneState>, event: PhoneEvent): Record<string, PhoneState> {
  if (event.type === 'PhoneAdded') {
    const phone: PhoneState = {
      id: event.phoneId,
      personId: event.personId,
      label: event.label,
      clockOffsetMs: 0,
      online: true,
      inbox: [],
      app: freshApp(),
    };
    return { ...phones, [event.phoneId]: phone };
  }
  const phone = phones[event.phoneId];
  if (!phone) return phones;
  return { ...phones, [event.phoneId]: applyToPhone(phone, event) };
}

function applyToPhone(phone: PhoneState, event: Exclude<PhoneEvent, { type: 'PhoneAdded' }>): PhoneState {
  switch (event.type) {
    case 'PhoneOnlineSet':
      return { ...phone, online: event.online };
    case 'PhoneClockOffsetSet':
      return { ...phone, clockOffsetMs: event.offsetMs };
    case 'SmsDelivered':
      return { ...phone, inbox: [...phone.inbox, { at: event.at, code: event.code }].slice(-INBOX_SIZE) };
    case 'AppActivated':
      return { ...phone, app: { ...phone.app, device: event.device, links: [], pinBlocked: false } };
    case 'AppScreenShown':
      return { ...phone, app: { ...phone.app, screen: event.screen, notice: event.notice } };
    case 'AppLinksUpdated':
      return { ...phone, app: { ...phone.app, links: event.links, pinBlocked: event.pinBlocked } };
    case 'AppWiped':
      return { ...phone, app: freshApp() };
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled phone event ${JSON.stringify(value)}`);
}
