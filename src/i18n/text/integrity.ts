// What the verification of a sandbox's history found, in words a support person understands, in English and Norwegian.
import type { Translation } from './translation';

export const integrityEn = {
  verifying: (checked: number, total: number) => `Checking the history: ${checked} of ${total} entries…`,
  damagedTitle: 'This sandbox\'s history does not prove itself',
  damagedAction: 'Commands are refused from here on. Export the sandbox for a bug report, or start a new sandbox from the last good entry; this one is left as it is.',
  exportDamaged: 'Export for a bug report',
  forkGood: (seq: number) => `New sandbox from entry ${seq}`,
  missing: (seq: number) => `Entry ${seq} is missing from the journal.`,
  brokenLink: (seq: number) => `Entry ${seq} does not follow the entry before it: entries were removed, swapped or inserted.`,
  changed: (seq: number) => `Entry ${seq} was changed after it was written: its fingerprint no longer matches.`,
  sealedPin: (seq: number) => `Entry ${seq} holds a PIN that does not open with this sandbox's key.`,
  refused: (seq: number, message: string) => `Entry ${seq} is a command the rules refuse: ${message}`,
  eventsDiffer: (seq: number, command: string) => `Entry ${seq} (${command}) records results that the command does not give: what happened was edited.`,
  checkpoint: (seq: number) => `The saved state at entry ${seq} is not what the journal gives: it was edited.`,
  head: (seq: number, headSeq: number) => `The journal does not end where the sandbox says (entry ${headSeq}); the difference starts at entry ${seq}.`,
  readModel: (seq: number, log: 'event' | 'audit') => `The ${log === 'event' ? 'event log' : 'audit log'} row of entry ${seq} differs from the journal.`,
} as const;
