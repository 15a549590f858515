import { browser } from 'wxt/browser';

/** The browser's own API for the panel: Chrome's side panel, Firefox's sidebar. */
interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the prompt kit beside the page, in the window given (or the current one). Both browsers
 * open it only in answer to the clinician's own action (a click, a keyboard shortcut), so call
 * this from one; Firefox's must be called at once, before anything is awaited.
 */
export async function openPromptKit(windowId?: number): Promise<void> {
  const apis = browser as unknown as PanelApis;
  if (apis.sidebarAction) return apis.sidebarAction.open();
  if (!apis.sidePanel) throw new Error('this browser has no side panel');
  const id = windowId ?? (await browser.windows.getCurrent()).id;
  if (id === undefined) throw new Error('no window to open the prompt kit in');
  return apis.sidePanel.open({ windowId: id });
}

/** The keyboard command that opens the kit (Chrome; Firefox uses its own sidebar command). */
export const OPEN_KIT_COMMAND = 'open-prompt-kit';
