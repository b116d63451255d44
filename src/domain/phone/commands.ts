// What a person does in the Code app on one phone.
import type { PhoneId } from './state';

export type AppCommand =
  | { type: 'AppStartActivation'; phoneId: PhoneId; mobile: string }
  | { type: 'AppConfirmSms'; phoneId: PhoneId; smsCode: string }
  | { type: 'AppSetFirstPin'; phoneId: PhoneId; pin: string; repeat: string }
  | { type: 'AppEnterPin'; phoneId: PhoneId; pin: string }
  | { type: 'AppOpenUnblock'; phoneId: PhoneId }
  | { type: 'AppChooseUnblockOrg'; phoneId: PhoneId; orgId: string }
  | { type: 'AppEnterUbc'; phoneId: PhoneId; ubc: string }
  | { type: 'AppSetUnblockPin'; phoneId: PhoneId; newPin: string; repeat: string }
  | { type: 'AppOpenChangePin'; phoneId: PhoneId }
  | { type: 'AppChangePin'; phoneId: PhoneId; currentPin: string; newPin: string; repeat: string }
  | { type: 'AppShowLinks'; phoneId: PhoneId }
  | { type: 'AppBack'; phoneId: PhoneId }
  | { type: 'AppReset'; phoneId: PhoneId };

export type AppCommandType = AppCommand['type'];
