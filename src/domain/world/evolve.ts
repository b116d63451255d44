// evolve for the world: routes each event to the part of the world it is about.
import type { WorldEvent } from './events';
import type { WorldState } from './state';
import type { ServerEvent } from '../server/events';
import type { PhoneEvent } from '../phone/events';
import { evolveServer } from '../server/evolve';
import { evolvePhones } from '../phone/evolve';

const PHONE_EVENTS: ReadonlySet<string> = new Set<PhoneEvent['type']>([
  'PhoneAdded', 'PhoneOnlineSet', 'PhoneClockOffsetSet', 'SmsDelivered', 'AppActivated', 'AppScreenShown', 'AppLinksUpdated', 'AppWiped',
]);

function isPhoneEvent(event: WorldEvent): event is PhoneEvent {
  return PHONE_EVENTS.has(event.type);
}

/** Applies one world event. Pure. `events.reduce(evolve, initialState())` rebuilds any world. */
export function evolve(state: WorldState, event: WorldEvent): WorldState {
  switch (event.type) {
    case 'PersonAdded':
      return { ...state, people: { ...state.people, [event.personId]: { id: event.personId, name: event.name, mobile: event.mobile } } };
    case 'ClockPaused':
      return { ...state, clock: { ...state.clock, now: event.at, running: false } };
    case 'ClockResumed':
      return { ...state, clock: { ...state.clock, now: event.at, running: true } };
    case 'ClockSpeedSet':
      return { ...state, clock: { ...state.clock, now: event.at, speed: event.speed } };
    case 'ClockSet':
      return { ...state, clock: { ...state.clock, now: event.to } };
    default:
      if (isPhoneEvent(event)) return { ...state, phones: evolvePhones(state.phones, event) };
      return { ...state, server: evolveServer(state.server, event as ServerEvent) }; // every remaining type is a ServerEvent
  }
}

/**
 * The world after one decided command: its events folded, and R-CLK-1's memory of when it ran, so the core
 * refuses any later command at an earlier time. The journal, replay and the scenario runner all fold this way.
 */
export function applyDecided(state: WorldState, at: number, events: readonly WorldEvent[]): WorldState {
  let next = state;
  for (const event of events) next = evolve(next, event);
  return next.clock.lastCommandAt === at ? next : { ...next, clock: { ...next.clock, lastCommandAt: Math.max(at, next.clock.lastCommandAt) } };
}
