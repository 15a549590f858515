// In-page checks shared by the accessibility tests.
import type { Page } from 'playwright-core';

/**
 * The elements with a transition or animation that takes time: in the document, or in the shadow
 * root of the element `host` names (our layer, for the card).
 */
export const movingIn = (page: Page, host?: string): Promise<string[]> =>
  page.evaluate((host) => {
    const root = host ? document.querySelector(host)?.shadowRoot : document;
    return [...(root?.querySelectorAll('*') ?? [])].flatMap((el) => {
      const style = getComputedStyle(el);
      const long = (list: string) => list.split(',').some((t) => parseFloat(t) > 0);
      return (style.animationName !== 'none' && long(style.animationDuration)) ||
        long(style.transitionDuration)
        ? [`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`]
        : [];
    });
  }, host);
