// World events: server events, phone events and lab events in one union, each with its own type name.
import type { ServerEvent } from '../server/events';
import type { PhoneEvent } from '../phone/events';

export type LabEvent =
  | { type: 'PersonAdded'; personId: string; name: string; mobile: string }
  | { type: 'ClockPaused'; at: number }
  | { type: 'ClockResumed'; at: number }
  | { type: 'ClockSpeedSet'; at: number; speed: number }
  | { type: 'ClockSet'; from: number; to: number };

export type WorldEvent = ServerEvent | PhoneEvent | LabEvent;
export type WorldEventType = WorldEvent['type'];
