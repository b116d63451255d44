// World commands: the lab (people, phones, clock, network), setup, the login page, Manager and the Code app.
import type { SetupCommand, LoginCommand, ManagerCommand } from '../server/commands';
import type { AppCommand } from '../phone/commands';

export type LabCommand =
  | { type: 'AddPerson'; personId: string; name: string; mobile: string }
  | { type: 'AddPhone'; phoneId: string; personId: string; label: string }
  | { type: 'SetPhoneOnline'; phoneId: string; online: boolean }
  | { type: 'SetPhoneClockOffset'; phoneId: string; offsetMs: number }
  | { type: 'PauseClock' }
  | { type: 'ResumeClock' }
  | { type: 'SetClockSpeed'; speed: number }
  | { type: 'AdvanceClock'; byMs: number }
  | { type: 'SetClock'; toMs: number };

export type WorldCommand = LabCommand | SetupCommand | LoginCommand | ManagerCommand | AppCommand;
export type WorldCommandType = WorldCommand['type'];
