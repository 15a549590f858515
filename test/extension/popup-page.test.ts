import { describe, expect, it } from 'vitest';
import {
  countOfReply,
  describePage,
  siteLabel,
  suggestionsText,
  tabIdFromSearch,
} from '../../components/popup/page.ts';
import { isMessage, siteOfUrl } from '../../extension/messages.ts';

describe('describePage', () => {
  it('names the host of web pages and local files', () => {
    expect(describePage('https://ehr.example.nhs.uk/patients/1?x=2')).toEqual({
      kind: 'site',
      site: 'ehr.example.nhs.uk',
    });
    expect(describePage('http://127.0.0.1:8080/')).toEqual({ kind: 'site', site: '127.0.0.1' });
    expect(describePage('file:///home/me/letter.html')).toEqual({ kind: 'site', site: '' });
  });

  it('knows the pages where content scripts cannot run', () => {
    for (const url of [
      'chrome://extensions/',
      'chrome-extension://abc/popup.html',
      'about:blank',
      'edge://settings',
      'view-source:https://a.example/',
      'data:text/html,hi',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/detail/x',
      'https://addons.mozilla.org/en-GB/firefox/',
      'not a url',
    ]) {
      expect(describePage(url), url).toEqual({ kind: 'unsupported' });
    }
  });

  it('admits when the address is hidden', () => {
    expect(describePage(undefined)).toEqual({ kind: 'unknown' });
    expect(describePage('')).toEqual({ kind: 'unknown' });
  });

  it('uses the same site as the content script', () => {
    expect(siteOfUrl('https://sub.example.org:8443/a#b')).toBe(
      new URL('https://sub.example.org:8443/a#b').hostname,
    );
    expect(siteOfUrl('https://chrome.google.com/search')).toBe('chrome.google.com');
  });
});

describe('popup wording', () => {
  it('counts suggestions in plain words', () => {
    expect(suggestionsText(0)).toBe('No suggestions on this page');
    expect(suggestionsText(1)).toBe('1 suggestion on this page');
    expect(suggestionsText(3)).toBe('3 suggestions on this page');
  });

  it('names local files', () => {
    expect(siteLabel('')).toBe('files on this computer');
    expect(siteLabel('a.example')).toBe('a.example');
  });
});

describe('tabIdFromSearch', () => {
  it('takes a tab id only when one is given', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=7')).toBe(7);
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tab=')).toBeUndefined();
    expect(tabIdFromSearch('?tab=-1')).toBeUndefined();
    expect(tabIdFromSearch('?tab=1.5')).toBeUndefined();
    expect(tabIdFromSearch('?tab=abc')).toBeUndefined();
    expect(tabIdFromSearch('?tab=99999999999999999999')).toBeUndefined();
  });
});

describe('messages', () => {
  it('accepts our messages and nothing else', () => {
    expect(isMessage({ kind: 'flag-count', count: 2 })).toBe(true);
    expect(isMessage({ kind: 'get-flag-count', tabId: 5 })).toBe(true);
    expect(isMessage({ kind: 'flag-count', count: '2' })).toBe(false);
    expect(isMessage({ kind: 'flag-count', count: Number.NaN })).toBe(false);
    expect(isMessage({ kind: 'get-flag-count', tabId: 1.5 })).toBe(false);
    expect(isMessage({ kind: 'other' })).toBe(false);
    expect(isMessage(null)).toBe(false);
    expect(isMessage('flag-count')).toBe(false);
    const find = {
      kind: 'find',
      locale: 'en-GB',
      allow: ['claims department'],
      minSeverity: 'info',
      documentKind: 'unsure',
      paragraphs: ['She claims it hurts.'],
    };
    expect(isMessage(find)).toBe(true);
    expect(isMessage({ ...find, documentKind: 'letter-to-gp' })).toBe(true);
    expect(isMessage({ ...find, locale: 'fr-FR' })).toBe(false);
    expect(isMessage({ ...find, minSeverity: 'error' })).toBe(false);
    expect(isMessage({ ...find, documentKind: 'email' })).toBe(false);
    expect(isMessage({ ...find, paragraphs: ['a', 2] })).toBe(false);
    expect(isMessage({ ...find, allow: 'claims' })).toBe(false);
  });

  it('reads the count from a reply', () => {
    expect(countOfReply({ count: 3 })).toBe(3);
    expect(countOfReply({ count: -1 })).toBeUndefined();
    expect(countOfReply(undefined)).toBeUndefined();
    expect(countOfReply({})).toBeUndefined();
  });
});
