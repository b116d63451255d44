// The phone drawn as a device: frame, status bar, SMS notifications sliding in, and the Code app filling the screen.
import { StatusBar } from './status-bar';
import { SmsNotification } from './sms-notification';
import { AppView } from './app-view';

export function PhoneDevice() {
  return (
    <div class="device">
      <div class="device-screen">
        <StatusBar />
        <SmsNotification />
        <AppView />
        <div class="device-home" aria-hidden="true" />
      </div>
    </div>
  );
}
