// The phone screen's words, in English and Norwegian (bokmål).
import type { Translation } from './translation';

export const phoneEn = {
  placeholder: '',
} as const;

export const phoneNb: Translation<typeof phoneEn> = {
  placeholder: '',
};
