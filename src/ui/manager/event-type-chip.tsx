// An event-log type (R-MGR-4) as a chip coloured by outcome: granted green, denied red, error amber, PIN events blue.
import type { EventLogType } from '../../domain';

const TONE: Record<EventLogType, 'ok' | 'bad' | 'warn' | 'info'> = {
  Access_Granted: 'ok',
  Access_Granted_Offline: 'ok',
  Access_Denied: 'bad',
  Access_Denied_Offline: 'bad',
  Access_Error: 'warn',
  PIN_Blocked: 'bad',
  PIN_Unblocked: 'info',
  UBC_Denied: 'warn',
};

export function EventTypeChip(props: { type: EventLogType }) {
  return <span class={`mgr-chip mgr-chip-${TONE[props.type]}`}>{props.type}</span>;
}
