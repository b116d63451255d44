// The Code app's screens other than the PIN screen (activation, codes, unblocking, change PIN, links): one chunk, loaded
// once the page is idle after its first paint (app-view.tsx), so the page opens on the PIN screen without them.
export { ActivateScreen } from './activate-screen';
export { ActivateSmsScreen } from './activate-sms-screen';
export { FirstPinScreen } from './first-pin-screen';
export { OnlineCodeScreen } from './online-code-screen';
export { OfflineCodeScreen } from './offline-code-screen';
export { UnblockOrgScreen } from './unblock-org-screen';
export { UnblockUbcScreen } from './unblock-ubc-screen';
export { UnblockNewPinScreen } from './unblock-new-pin-screen';
export { UnblockOfflineCodeScreen } from './unblock-offline-code-screen';
export { ChangePinScreen } from './change-pin-screen';
export { LinksScreen } from './links-screen';
