// The whole simulated world: the server, the people and their phones, and the server clock.
import type { ServerState } from '../server/state';
import type { PhoneState, PersonId } from '../phone/state';
import type { ClockState } from './clock';
import { initialServerState } from '../server/state';
import { initialClock } from './clock';

/** A person: one mobile number (the holder, on the server side) and the phones they have had. */
export interface Person {
  id: PersonId;
  name: string;
  mobile: string;
}

export interface WorldState {
  server: ServerState;
  people: Record<PersonId, Person>;
  phones: Record<string, PhoneState>;
  clock: ClockState;
}

/** An empty world with the clock at `start`. */
export function initialState(start?: number): WorldState {
  return { server: initialServerState(), people: {}, phones: {}, clock: initialClock(start) };
}

/** The phones whose SIM has this number: where an SMS to it is delivered. */
export function phonesWithNumber(world: WorldState, mobile: string): string[] {
  return Object.values(world.phones)
    .filter((phone) => world.people[phone.personId]?.mobile === mobile)
    .map((phone) => phone.id);
}

/** R-CLK-2: a phone's clock. */
export function phoneTime(world: WorldState, phoneId: string, serverNow: number): number {
  return serverNow + (world.phones[phoneId]?.clockOffsetMs ?? 0);
}
