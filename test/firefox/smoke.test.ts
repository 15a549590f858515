// The Firefox build in Debian's Firefox ESR: the content script flags what is typed and applies a
// suggestion; in CKEditor 5 and TinyMCE the suggestion goes through the page-world bridge (a
// MAIN-world content script, which is why the Firefox build is Manifest V3) and one undo gives
// the exact text back. Nothing is fetched from outside this machine.
import type { Frame, KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_REPLACED } from '../../extension/bridge/protocol.ts';
import { LETTER } from '../e2e/editor-scenario.ts';
import { startFixtureServer, type FixtureServer } from '../e2e/fixture-server.ts';
import { launchFirefox, type LoadedFirefox } from './launch-firefox.ts';

let firefox: LoadedFirefox | undefined;
let server: FixtureServer | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  firefox = await launchFirefox();
}, 60_000);
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

type FixtureWindow = Window & {
  fixture?: { ready: Promise<void> | boolean; text(): string; frame?: string };
};
type Recorded = Window & { bridgeAnswers?: string[] };

async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  const page = await firefox!.browser.newPage();
  try {
    await run(page);
  } finally {
    await page.close();
  }
}

/** Opens a fixture page once its editor is ready; returns the frame that holds the field. */
async function openFixture(page: Page, name: string): Promise<Frame> {
  await page.goto(`${server!.url}/${name}.html`);
  await page.waitForFunction(() => (window as FixtureWindow).fixture !== undefined);
  await page.evaluate(async () => {
    await (window as FixtureWindow).fixture!.ready;
  });
  // A fixture whose field is in a frame names the frame (TinyMCE's iframe mode).
  const frameSelector = await page.evaluate(() => (window as FixtureWindow).fixture!.frame);
  const frame = frameSelector
    ? await (await page.waitForSelector(frameSelector))!.contentFrame()
    : page.mainFrame();
  if (!frame) throw new Error(`no frame at ${frameSelector}`);
  // The page's own capture listeners hear the bridge's answers (on the field, in its frame, or on
  // TinyMCE's iframe in the page around it), so a test knows which route an edit took.
  for (const f of new Set([page.mainFrame(), frame])) {
    await f.evaluate((name) => {
      const win = window as Recorded;
      win.bridgeAnswers = [];
      document.addEventListener(
        name,
        (event) => win.bridgeAnswers!.push(String((event as CustomEvent).detail)),
        true,
      );
    }, BRIDGE_REPLACED);
  }
  return frame;
}
const modelText = (page: Page) => page.evaluate(() => (window as FixtureWindow).fixture!.text());

/** Every answer the bridge gave, in the page and in the field's frame. */
async function bridgeOutcomes(page: Page, frame: Frame): Promise<string[]> {
  const outcomes: string[] = [];
  for (const f of new Set([page.mainFrame(), frame])) {
    const details = await f.evaluate(() => (window as Recorded).bridgeAnswers ?? []);
    for (const detail of details)
      outcomes.push((JSON.parse(detail) as { outcome: string }).outcome);
  }
  return outcomes;
}

/** Our flags drawn in a frame: overlay marks (textarea, input) plus highlight ranges. */
const flagsDrawn = (frame: Frame) =>
  frame.evaluate(() => {
    const layer = document.querySelector('alongside-layer');
    let n = layer?.shadowRoot?.querySelectorAll('.mark').length ?? 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('alongside-')) n += h.size;
    return n;
  });

/** The open card's text, in the field's frame or drawn on the page around it; null when closed. */
async function cardText(page: Page, frame: Frame): Promise<string | null> {
  for (const f of new Set([frame, page.mainFrame()])) {
    const text = await f.evaluate(() => {
      const card = ['alongside-layer', 'alongside-card-layer']
        .map((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.card'))
        .find(Boolean);
      return card ? card.textContent : null;
    });
    if (text !== null) return text;
  }
  return null;
}

/** Presses `key` with `modifier` held, as a person does. */
async function chord(page: Page, modifier: 'Alt' | 'Control', key: KeyInput): Promise<void> {
  await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  await page.keyboard.up(modifier);
}

/** Types the letter at the end of the field and waits for both flags ("claims", "refused"). */
async function typeLetter(page: Page, frame: Frame): Promise<string> {
  await frame.click('[data-testid="field"]');
  await chord(page, 'Control', 'End');
  await page.keyboard.type(` ${LETTER}`);
  await expect.poll(() => modelText(page)).toContain(LETTER);
  // The first check of a run waits for the background to compile the lexicon after install.
  await expect.poll(() => flagsDrawn(frame), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  return modelText(page);
}

describe('the Firefox build in Firefox ESR', () => {
  it('flags a textarea as it is typed in, and applies a suggestion by mouse and by keyboard', async () => {
    await withPage(async (page) => {
      const frame = await openFixture(page, 'textarea');
      const original = await typeLetter(page, frame);

      // By mouse: the first mark is "claims"; its card offers "reports" first.
      const at = await frame.evaluate(() => {
        const marks = [
          ...(document.querySelector('alongside-layer')?.shadowRoot?.querySelectorAll('.mark') ??
            []),
        ].map((m) => m.getBoundingClientRect());
        marks.sort((a, b) => a.top - b.top || a.left - b.left);
        const r = marks[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => cardText(page, frame)).toContain('“claims”');
      await frame.evaluate(() => {
        const option = document
          .querySelector('alongside-layer')
          ?.shadowRoot?.querySelector<HTMLElement>('.card [role="option"]');
        if (!option) throw new Error('the card has no option');
        option.click();
      });
      const reported = original.replace('claims', 'reports');
      await expect.poll(() => modelText(page)).toBe(reported);

      // By keyboard: Alt+Enter at the end opens "refused", Enter applies its first alternative.
      await chord(page, 'Control', 'End');
      await chord(page, 'Alt', 'Enter');
      await expect.poll(() => cardText(page, frame)).toContain('“refused”');
      await page.keyboard.press('Enter');
      await expect.poll(() => modelText(page)).toBe(reported.replace('refused', 'declined'));
      await expect.poll(() => cardText(page, frame)).toBeNull();
    });
  }, 60_000);

  for (const editor of ['ckeditor5', 'tinymce-iframe', 'tinymce-inline']) {
    it(`${editor}: a suggestion goes through the page-world bridge, and one undo restores the text`, async () => {
      await withPage(async (page) => {
        const frame = await openFixture(page, editor);
        const original = await typeLetter(page, frame);
        await chord(page, 'Control', 'End');
        await chord(page, 'Alt', 'Enter');
        await expect.poll(() => cardText(page, frame)).toContain('“refused”');
        await page.keyboard.press('Enter');
        await expect.poll(() => modelText(page)).toBe(original.replace('refused', 'declined'));
        // The editor's own API made the change: the bridge answered, and said so.
        expect(await bridgeOutcomes(page, frame)).toEqual(['replaced']);

        await chord(page, 'Control', 'z');
        await expect.poll(() => modelText(page)).toBe(original);
      });
    }, 60_000);
  }

  it('sent nothing outside this machine', async () => {
    // The wall is really in the way: a page from elsewhere is refused and written down.
    await withPage(async (page) => {
      await page.goto('http://outside.example/').catch(() => {});
    });
    const ours = (request: string) => request.startsWith('GET http://outside.example/');
    expect(firefox!.outside).toContain('GET http://outside.example/');
    // And that page (with its favicon) was all that ever tried to leave.
    expect(firefox!.outside.filter((request) => !ours(request))).toEqual([]);
  });
});
