// The real side panel, opened and reached the only way Playwright can: it cannot click the
// toolbar or attach to the panel, so an extension tab of our own (the options page) opens the
// panel with chrome.sidePanel.open, as a click on a button would, and reaches the panel's
// document through the extension's views. Clicks made there run the panel's own handlers.
import type { Page } from 'playwright-core';
import { EXTENSION_ID, type LoadedExtension } from './launch-extension.ts';

/**
 * Opens the side panel in the current window and returns the tab driving it; pages opened after
 * it are the active tab beside the panel. Resolves once the panel shows `ready` (a selector).
 */
export async function openSidePanel(ext: LoadedExtension, ready: string): Promise<Page> {
  const driver = await ext.context.newPage();
  await driver.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  const cdp = await ext.context.newCDPSession(driver);
  // As a click on a button would: sidePanel.open needs a user gesture.
  await cdp.send('Runtime.evaluate', {
    expression: `chrome.windows.getCurrent().then((w) => chrome.sidePanel.open({ windowId: w.id }))`,
    awaitPromise: true,
    userGesture: true,
  });
  // The panel reads the kit in force as it opens (expect.poll is for tests, not hooks).
  for (
    let k = 0;
    k < 150 && (await inPanel(driver, (doc, s) => !!doc.querySelector(s), ready)) !== true;
    k++
  ) {
    await new Promise((done) => setTimeout(done, 100));
  }
  return driver;
}

/**
 * Runs `fn` on the side panel's document (from the driver tab's world, which may touch it: the
 * two are pages of the same extension). Undefined while the panel is not open.
 */
export async function inPanel<R, A>(
  driver: Page,
  fn: (doc: Document, arg: A) => R,
  arg: A,
): Promise<R | undefined> {
  const handle = await driver.evaluateHandle(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { extension: { getViews(): globalThis.Window[] } };
    };
    const view = chrome.extension.getViews().find((w) => w.location.pathname === '/sidepanel.html');
    return view?.document ?? null;
  });
  try {
    const isDocument = await handle.evaluate((doc) => doc !== null);
    if (!isDocument) return undefined;
    return (await handle.evaluate(fn as never, arg)) as R;
  } finally {
    await handle.dispose();
  }
}
