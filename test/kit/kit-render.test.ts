// `alongside kit`'s renderer: the kit in force as a self-contained HTML page (A4, and an A6
// pocket card behind a checkbox) or as Markdown. What a service's kit holds is shown as words,
// never run, and the page loads nothing.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderKit } from '../../components/kit/render-kit.tsx';
import { codeSpan, markdownText } from '../../components/kit/kit-markdown.ts';
import { forLine, kitView, paragraphsOf } from '../../components/kit/kit-view.ts';
import { defaultBibliography, defaultLexicon } from '../../core/index.ts';
import { mergeKits, type MergedKit } from '../../core/kit/merge-kit.ts';
import type { Bibliography, Source } from '../../core/lexicon/schema.ts';

const HOSTILE = '<img src=x onerror=alert(1)> and javascript:alert(2)';

const bibliography: Bibliography = {
  'ours-letters-2025': {
    citation: 'Our trust. Writing to patients: policy.',
    year: 2025,
    url: 'https://example.org/letters?a=1&b=2',
    region: 'UK',
  },
  'ours-leaflet-2024': { citation: 'Our trust. Leaflet, 2024.', year: 2024, region: 'UK' },
};
// Validation refuses these addresses; the renderer must not link them whatever reaches it.
const plainWeb = { citation: 'Plain web page', year: 2023, url: 'http://example.org/plain' };
const scripted = { citation: 'Scripted page', year: 2022, url: 'javascript:alert(3)' };

const mini: MergedKit = {
  sections: [
    { id: 'start', title: 'At the start', intro: 'Before we begin.' },
    { id: 'letters', title: 'Letters', sources: ['ours-letters-2025'] },
    { id: 'empty', title: 'Nothing here yet' },
  ],
  items: [
    {
      id: 'ask-what-matters',
      section: 'start',
      kind: 'question',
      title: 'What matters',
      text: 'What matters to you?',
      note: 'Ask it early.',
      sources: ['ours-letters-2025', 'ours-leaflet-2024'],
    },
    {
      id: 'hostile',
      section: 'start',
      kind: 'reminder',
      title: `Title ${HOSTILE}`,
      text: `Text ${HOSTILE}`,
      note: `Note ${HOSTILE}`,
      sources: [plainWeb as Source, scripted as Source],
    },
    {
      id: 'letter',
      section: 'letters',
      kind: 'scaffold',
      title: 'A letter',
      text: 'Dear {name the person prefers},\n\nThank you for coming on {date}.\n\n# Not a heading\n- not a list',
      kinds: ['letter-to-patient'],
      sources: ['ours-letters-2025', 'no-such-key'],
      locales: { 'en-US': { title: 'A letter (US)' } },
    },
  ],
  reflections: [],
};

function parseHtml(html: string) {
  return new new Window().DOMParser().parseFromString(html, 'text/html');
}
/** Anything with querySelectorAll: a parsed page or one of its elements. */
interface Queryable {
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
}
const texts = (root: Queryable, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) =>
    (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

describe('kitView', () => {
  it('numbers each source once, in the order the page first cites it, and skips unknown keys', () => {
    const view = kitView(mini, bibliography, 'en-GB');
    expect(view.sources.map((s) => [s.number, s.citation])).toEqual([
      [1, 'Our trust. Writing to patients: policy.'],
      [2, 'Our trust. Leaflet, 2024.'],
      [3, 'Plain web page'],
      [4, 'Scripted page'],
    ]);
    expect(view.sections.map((s) => s.sources)).toEqual([[], [1], []]);
    expect(view.sections[1]!.items[0]!.sources).toEqual([1]);
  });

  it('splits a scaffold into its paragraphs at blank lines', () => {
    expect(paragraphsOf('One\n\nTwo\n  \nThree')).toEqual(['One', 'Two', 'Three']);
    expect(paragraphsOf('One line\nand the next')).toEqual(['One line\nand the next']);
  });

  it('says which documents an item fits, in words', () => {
    expect(forLine([])).toBeUndefined();
    expect(forLine(['letters to the person'])).toBe('For letters to the person.');
    expect(forLine(['letters to the GP or a colleague', 'clinical notes'])).toBe(
      'For letters to the GP or a colleague, and clinical notes.',
    );
  });

  it('uses en-US wording where given and US spelling elsewhere', () => {
    const kit: MergedKit = {
      ...mini,
      items: [{ ...mini.items[2]!, note: 'A personalised plan.' }],
    };
    const us = kitView(kit, bibliography, 'en-US').sections[1]!.items[0]!;
    expect(us.title).toBe('A letter (US)');
    expect(us.note).toBe('A personalized plan.');
    expect(us.kinds).toEqual(['letters to the person']);
    expect(kitView(kit, bibliography, 'en-GB').sections[1]!.items[0]!.title).toBe('A letter');
  });
});

describe('renderKit as Markdown', () => {
  const md = renderKit(mini, bibliography, { format: 'md', locale: 'en-GB' });

  it('has a heading per section and per item, in order, then the sources', () => {
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Alongside prompt kit',
      '## At the start',
      '### What matters',
      `### Title ${markdownText(HOSTILE)}`,
      '## Letters',
      '### A letter',
      '## Nothing here yet',
      '## Sources',
    ]);
  });

  it('writes an item’s text, note, kinds and sources, and quotes a scaffold a paragraph at a time', () => {
    expect(md).toContain(
      [
        '### What matters',
        '',
        '*Question*',
        '',
        'What matters to you?',
        '',
        '*Ask it early.*',
        '',
        'Sources: 1, 2.',
        '',
      ].join('\n'),
    );
    expect(md).toContain(
      [
        '### A letter',
        '',
        '*To fill in*',
        '',
        '> Dear {name the person prefers},',
        '>',
        '> Thank you for coming on {date}.',
        '>',
        '> \\# Not a heading',
        '> \\- not a list',
        '',
        'For letters to the person.',
        '',
        'Source: 1.',
      ].join('\n'),
    );
  });

  it('lists the sources as a numbered list, linking only https addresses', () => {
    const sources = md.slice(md.indexOf('## Sources'));
    expect(sources).toBe(
      [
        '## Sources',
        '',
        '1. Our trust. Writing to patients: policy. (2025) <https://example.org/letters?a=1&b=2>',
        '2. Our trust. Leaflet, 2024.',
        '3. Plain web page (2023) `http://example.org/plain`',
        '4. Scripted page (2022) `javascript:alert(3)`',
        '',
      ].join('\n'),
    );
  });

  it('escapes markup, so HTML and links in an item stay words', () => {
    expect(md).toContain('Text \\<img src=x onerror=alert(1)\\> and javascript:alert(2)');
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).not.toMatch(/<javascript:/);
    expect(markdownText('a *b* _c_ [d](e) `f` & 1. g')).toBe(
      'a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\& 1. g',
    );
    expect(codeSpan('http://a`b')).toBe('``http://a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(markdownText('1. first\n+ plus\n> quote')).toBe('1\\. first\n\\+ plus\n\\> quote');
  });
});

describe('renderKit as HTML', () => {
  const html = renderKit(mini, bibliography, { format: 'html', locale: 'en-GB' });
  const doc = parseHtml(html);

  it('is one page: sections in order, each item with its text, note and sources', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(texts(doc, '.full h2')).toEqual([
      'At the start',
      'Letters',
      'Nothing here yet',
      'Sources',
    ]);
    expect(texts(doc, '#section-start h3')).toEqual([
      'Question What matters',
      `Reminder Title ${HOSTILE}`,
    ]);
    expect(texts(doc, '#item-ask-what-matters .text p')).toEqual(['What matters to you?']);
    expect(texts(doc, '#item-ask-what-matters .note')).toEqual(['Ask it early.']);
    expect(texts(doc, '#item-ask-what-matters .cites')).toEqual(['Sources: 1, 2']);
    expect(
      [...doc.querySelectorAll('#item-ask-what-matters .cites a')].map((a) =>
        a.getAttribute('href'),
      ),
    ).toEqual(['#source-1', '#source-2']);
  });

  it('shows a scaffold a paragraph at a time, with its gaps marked', () => {
    expect(texts(doc, '#item-letter .text p')).toEqual([
      'Dear {name the person prefers},',
      'Thank you for coming on {date}.',
      '# Not a heading - not a list',
    ]);
    expect(texts(doc, '#item-letter .gap')).toEqual(['{name the person prefers}', '{date}']);
    expect(texts(doc, '#item-letter .for')).toEqual(['For letters to the person.']);
  });

  it('lists every source, linking only https addresses', () => {
    expect(texts(doc, '#sources li')).toEqual([
      'Our trust. Writing to patients: policy. (2025) https://example.org/letters?a=1&b=2',
      'Our trust. Leaflet, 2024.',
      'Plain web page (2023) http://example.org/plain',
      'Scripted page (2022) javascript:alert(3)',
    ]);
    const links = [...doc.querySelectorAll('#sources a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org/letters?a=1&b=2']);
    expect(doc.querySelector('#source-1 a')!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps hostile text as text: no element, attribute or link comes of it', () => {
    expect(doc.querySelector('img, script, iframe, object, embed')).toBeNull();
    expect(texts(doc, '#item-hostile .text p')).toEqual([`Text ${HOSTILE}`]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<img/i);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        expect(attr, el.tagName).not.toMatch(/^on/);
        expect(el.getAttribute(attr) ?? '', `${el.tagName} ${attr}`).not.toMatch(/javascript:/i);
      }
    }
  });

  it('loads nothing: a content security policy, inline styles, no remote references', () => {
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
    ).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, [src]').length).toBe(0);
    const hrefs = [...doc.querySelectorAll('[href]')].map((e) => e.getAttribute('href')!);
    for (const href of hrefs)
      expect(href.startsWith('#') || href === 'https://example.org/letters?a=1&b=2', href).toBe(
        true,
      );
    const css = doc.querySelector('style')!.textContent ?? '';
    expect(css).not.toMatch(/url\(|@import|@font-face|http|\/\//);
  });

  it('has no http or // reference with the default kit but its source links', () => {
    const { kit } = mergeKits([defaultLexicon().prompts]);
    const page = renderKit(kit, defaultBibliography(), { format: 'html', locale: 'en-GB' });
    const linked = [...parseHtml(page).querySelectorAll('#sources a')].map((a) =>
      a.getAttribute('href')!,
    );
    expect(linked.length).toBeGreaterThan(0);
    // Take out each source link (its address, and the address shown as its text).
    let rest = page;
    for (const href of linked)
      rest = rest.split(href.replace(/&/g, '&amp;')).join('').split(href).join('');
    expect(rest).not.toMatch(/https?:/i);
    expect(rest).not.toMatch(/\/\//);
  });

  it('prints on A4, and offers an A6 pocket card behind a checkbox, without script', () => {
    const css = doc.querySelector('style')!.textContent ?? '';
    expect(css).toMatch(/@page \{ size: A4;/);
    expect(css).toMatch(/@page pocket \{ size: 105mm 148mm;/);
    expect(css).toMatch(/@media print \{[\s\S]*\.pocket \{ page: pocket;/);
    expect(css).toMatch(/\.pocket-toggle:checked ~ \.full \{ display: none; \}/);
    expect(css).toMatch(/\.pocket-toggle:checked ~ \.pocket \{ display: block; \}/);
    const toggle = doc.querySelector('main > input#pocket-card.pocket-toggle')!;
    expect(toggle.getAttribute('type')).toBe('checkbox');
    expect(doc.querySelector('label[for="pocket-card"]')!.textContent).toBe('Pocket card (A6)');
    // The toggle comes before what it shows and hides, as the ~ rule needs.
    const order = [...doc.querySelector('main')!.children].map((e) => e.className || e.tagName);
    expect(order.indexOf('pocket-toggle')).toBeLessThan(order.indexOf('full'));
    expect(order.indexOf('pocket-toggle')).toBeLessThan(order.indexOf('pocket'));
  });

  it('keeps questions and short reminders on the pocket card, and leaves scaffolds out', () => {
    const pocket = doc.querySelector('.pocket')!;
    expect(texts(pocket, 'h2')).toEqual(['At the start']);
    expect(texts(pocket, 'li')).toEqual([
      'What matters to you?',
      `Title ${HOSTILE}: Text ${HOSTILE}`,
    ]);
    expect(pocket.textContent).not.toContain('Dear {name');
  });

  it('writes the page in the locale asked for', () => {
    const us = parseHtml(renderKit(mini, bibliography, { format: 'html', locale: 'en-US' }));
    expect(us.documentElement.getAttribute('lang')).toBe('en-US');
    expect(texts(us, '#item-letter h3')).toEqual(['To fill in A letter (US)']);
  });

  it('renders the whole default kit: every section and item, in order, with its sources', () => {
    const { kit } = mergeKits([defaultLexicon().prompts]);
    const page = parseHtml(
      renderKit(kit, defaultBibliography(), { format: 'html', locale: 'en-GB' }),
    );
    expect(texts(page, '.kit-section > h2')).toEqual(kit.sections.map((s) => s.title));
    expect([...page.querySelectorAll('.item')].map((e) => e.id)).toEqual(
      kit.sections.flatMap((s) =>
        kit.items.filter((i) => i.section === s.id).map((i) => `item-${i.id}`),
      ),
    );
    const cited = new Set(kit.items.flatMap((i) => i.sources ?? []));
    expect(page.querySelectorAll('#sources li').length).toBe(cited.size);
    const md = renderKit(kit, defaultBibliography(), { format: 'md', locale: 'en-GB' });
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      ...kit.sections.map((s) => `## ${markdownText(s.title)}`),
      '## Sources',
    ]);
  });
});
