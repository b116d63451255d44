// The manager screen's words, in English and Norwegian (bokmål).
import type { Translation } from './translation';

export const managerEn = {
  placeholder: '',
} as const;

export const managerNb: Translation<typeof managerEn> = {
  placeholder: '',
};
