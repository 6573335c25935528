// What the browser we run in can do, where extension pages must adapt: Firefox for Android has no
// toolbar (the popup opens as a full page, the badge is hidden in the menu) and storage.sync there
// keeps data on the device without syncing it.
import { browser } from 'wxt/browser';

/** True on Android (Firefox for Android); false when unknown. */
export async function isAndroid(): Promise<boolean> {
  try {
    return (await browser.runtime.getPlatformInfo()).os === 'android';
  } catch {
    return false;
  }
}

/** Whether storage.sync really syncs here (it does not on Firefox for Android). */
export const syncAvailable = async (): Promise<boolean> => !(await isAndroid());
