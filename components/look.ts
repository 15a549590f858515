import type { Severity } from '@/core/engine';

/**
 * How Alongside looks, declared once: the underline of each severity (used by the ::highlight
 * rules in rich editors, the overlay marks over textareas, the card and the popup's legend) and
 * the palette of our own surfaces (the card and the site notice).
 *
 * Severity reads without colour: info a thin dotted line, suggest a wavy line, warn a thick solid
 * line with a faint tint behind the words.
 */
export interface SeverityLook {
  colour: string;
  /** The colour on a dark page (read from the page's own colours, not the system's). */
  darkColour: string;
  line: 'dotted' | 'wavy' | 'solid';
  /** Line thickness in CSS pixels. */
  thickness: number;
  /** A faint background behind the flagged words, for the most important level only. */
  tint?: string;
  darkTint?: string;
}

export const SEVERITY_LOOK: Record<Severity, SeverityLook> = {
  info: { colour: 'rgb(70 100 170)', darkColour: 'rgb(130 160 235)', line: 'dotted', thickness: 2 },
  suggest: {
    colour: 'rgb(176 104 0)',
    darkColour: 'rgb(235 165 60)',
    line: 'wavy',
    thickness: 1.5,
  },
  warn: {
    colour: 'rgb(190 40 60)',
    darkColour: 'rgb(255 105 120)',
    line: 'solid',
    thickness: 3,
    tint: 'rgb(190 40 60 / 0.10)',
    darkTint: 'rgb(255 105 120 / 0.16)',
  },
};

export const SEVERITIES = Object.keys(SEVERITY_LOOK) as Severity[];

export type Scheme = 'light' | 'dark';

/** The underline of a severity as CSS declarations (text decoration, so a wavy line is possible). */
export function underlineCss(severity: Severity, scheme: Scheme = 'light'): string {
  const look = SEVERITY_LOOK[severity];
  const colour = scheme === 'dark' ? look.darkColour : look.colour;
  return `text-decoration: underline ${look.line} ${colour}; text-decoration-thickness: ${look.thickness}px; text-underline-offset: 3px;`;
}

/** The tint behind the words, where the level has one. */
export function tintCss(severity: Severity, scheme: Scheme = 'light'): string {
  const look = SEVERITY_LOOK[severity];
  const tint = scheme === 'dark' ? look.darkTint : look.tint;
  return tint ? `background-color: ${tint};` : '';
}

/** The underline and, where the level has one, its tint behind the words. */
export function flagCss(severity: Severity, scheme: Scheme = 'light'): string {
  const tint = tintCss(severity, scheme);
  return tint ? `${underlineCss(severity, scheme)} ${tint}` : underlineCss(severity, scheme);
}

/** One rule per severity: `selector(severity)` gets `declarations(severity)`. */
export function perSeverity(
  selector: (severity: Severity) => string,
  declarations: (severity: Severity) => string,
): string {
  return SEVERITIES.map((s) => `${selector(s)} { ${declarations(s)} }`).join('\n');
}

/** Colours of the card and the notice, light and dark (chosen from the page's own colours). */
export const SURFACE = {
  light: {
    text: '#1d2330',
    muted: '#4a5160',
    background: '#fff',
    border: '#c9ced8',
    accent: '#6a7bb0',
    accentBackground: '#eef1f8',
    button: '#f7f8fa',
    link: '#2b4a8a',
  },
  dark: {
    text: '#e8eaf0',
    muted: '#aab0bf',
    background: '#1f2330',
    border: '#454c5e',
    accent: '#6a7bb0',
    accentBackground: '#2c3448',
    button: '#2a2f3d',
    link: '#9fb6ea',
  },
} as const;

/** The font, radius and shadow shared by our floating surfaces. */
export const SURFACE_FONT = '14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif';
export const SURFACE_FRAME = `border-radius: 8px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);`;
export const FOCUS_RING = `outline: 2px solid ${SURFACE.light.link}; outline-offset: 1px;`;
