// Fails early, with the command to run, when no Chromium is installed for the end-to-end tests.
import { findBrowser } from './browser-path.mjs';

if (!findBrowser()) {
  const wanted = process.env.CHROME_PATH ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist.` : 'No Chromium found.';
  console.error(`${wanted}\nThe end-to-end tests drive the system Chromium. On Debian or Ubuntu install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\nor point CHROME_PATH at a Chromium or Chrome executable.`);
  process.exit(1);
}
