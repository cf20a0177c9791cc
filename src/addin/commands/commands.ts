/// <reference types="office-js" />
/**
 * The function file the manifest names. The ribbon button opens the task
 * pane (a ShowTaskpane action), so there are no function commands yet; Office
 * still loads this page and waits for it to be ready.
 */
Office.onReady(() => {
  // Nothing to register.
});
