// The login screen's words, in English and Norwegian (bokmål).
import type { Translation } from './translation';

export const loginEn = {
  placeholder: '',
} as const;

export const loginNb: Translation<typeof loginEn> = {
  placeholder: '',
};
