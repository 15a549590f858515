// How each severity looks is declared once (components/look.ts); every surface that draws a flag
// takes it from there, so they cannot disagree again.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '@/components/card/card-styles';
import { SEVERITIES, SEVERITY_LOOK, SURFACE, flagCss, underlineCss } from '@/components/look';
import { HIGHLIGHT_CSS } from '@/extension/content/highlight/styles';

const root = new URL('../..', import.meta.url).pathname;

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourcesUnder(path);
    return /\.(ts|tsx|css)$/.test(name) ? [path] : [];
  });
}

describe('one declaration of how severities look', () => {
  it('gives each level its own line style and thickness, so it reads without colour', () => {
    const looks = SEVERITIES.map((s) => `${SEVERITY_LOOK[s].line}:${SEVERITY_LOOK[s].thickness}`);
    expect(new Set(looks).size).toBe(SEVERITIES.length);
    expect(underlineCss('suggest')).toBe(
      'text-decoration: underline wavy rgb(176 104 0); text-decoration-thickness: 1.5px; text-underline-offset: 3px;',
    );
    expect(flagCss('warn')).toContain('background-color: rgb(190 40 60 / 0.10)');
    expect(flagCss('info')).not.toContain('background');
  });

  it('is what the highlight rules and the card are built from', () => {
    // The highlight rules are the same declarations made !important (a page's rules for our
    // highlights' names must not win), with no tint where the level has none.
    const highlights = HIGHLIGHT_CSS.replaceAll(' !important', '');
    for (const s of SEVERITIES) {
      expect(highlights).toContain(`::highlight(alongside-${s}) { ${flagCss(s)}`);
      expect(highlights).toContain(`::highlight(alongside-${s}-dark) { ${flagCss(s, 'dark')}`);
      expect(CARD_CSS).toContain(`.card.${s} .severity { ${underlineCss(s)} }`);
      expect(CARD_CSS).toContain(`border-left-color: ${SEVERITY_LOOK[s].colour};`);
    }
  });

  it('is written nowhere else: no other source repeats a severity colour or the palette', () => {
    const literals = [
      ...SEVERITIES.map((s) => SEVERITY_LOOK[s].colour),
      SURFACE.light.text,
      SURFACE.light.border,
      SURFACE.dark.background,
    ];
    const offenders = ['components', 'extension', 'entrypoints']
      .flatMap(sourcesUnder)
      .filter((path) => relative('components', path) !== 'look.ts')
      .filter((path) => {
        const text = readFileSync(join(root, path), 'utf8');
        return literals.some((literal) => text.includes(literal));
      });
    expect(offenders).toEqual([]);
  });
});
