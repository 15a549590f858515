// Sources are defined once in a bibliography and cited by key; keys resolve across layers when
// they are merged, so findings still carry whole sources.
import { describe, expect, it } from 'vitest';
import { compile, defaultLexicon, validateLexicon, type Lexicon } from '../../core/index.ts';
import { defaultBibliography } from '../../core/default-lexicon.ts';
import { mergeLayers } from '../../core/lexicon/merge-layers.ts';
import { entry, lexicon } from '../fixtures/mini-lexicon.ts';

const localPolicy = { citation: 'Our trust. Writing letters policy, 2025.', year: 2025 };
const errorsOf = (input: unknown, below?: Lexicon[]) => {
  const result = validateLexicon(input, below ? { below } : {});
  return result.ok ? [] : result.errors;
};

describe('source keys', () => {
  it('resolves a key from the file’s own bibliography, and a finding carries the whole source', () => {
    const layer = lexicon([entry({ id: 'claims', phrases: ['claims'], sources: ['our-policy'] })], {
      bibliography: { 'our-policy': localPolicy },
    });
    expect(errorsOf(layer)).toEqual([]);
    const [finding] = compile([layer]).find('She claims it hurts.');
    expect(finding?.sources).toEqual([localPolicy]);
  });

  it('says which key is unknown, and the one that was meant', () => {
    const layer = lexicon(
      [entry({ id: 'claims', phrases: ['claims'], sources: ['our-polcy', 'elsewhere'] })],
      { bibliography: { 'our-policy': localPolicy } },
    );
    expect(errorsOf(layer)).toEqual([
      'entries[0].sources[0]: there is no source "our-polcy" in the bibliography of this file or the layers below; did you mean "our-policy"?',
      'entries[0].sources[1]: there is no source "elsewhere" in the bibliography of this file or the layers below; add it to "bibliography", or write the source out here',
    ]);
  });

  it('lets a service cite the default bibliography’s keys, in a patch or an entry of its own', () => {
    const service = {
      name: 'Our service',
      version: '1',
      entries: [
        { id: 'claims', sources: ['nhs-england-language-matters-2018'] },
        entry({
          id: 'ours-frequent-flyer',
          phrases: ['frequent flyer'],
          alternatives: ['person who often comes to us'],
          examples: {
            flag: [
              {
                text: 'He is a frequent flyer.',
                corrections: ['He is a person who often comes to us.'],
              },
            ],
            pass: ['He flies often.'],
          },
          sources: ['park-physician-use-2021', localPolicy],
        }),
      ],
    };
    const result = validateLexicon(service, { below: [defaultLexicon()], examples: true });
    expect(result.ok ? [] : result.errors).toEqual([]);
    const layers = [defaultLexicon(), (result as { lexicon: Lexicon }).lexicon];
    const findings = compile(layers).find('She claims he is a frequent flyer.');
    expect(findings.find((f) => f.entryId === 'claims')?.sources).toEqual([
      defaultBibliography()['nhs-england-language-matters-2018'],
    ]);
    expect(findings.find((f) => f.entryId === 'ours-frequent-flyer')?.sources).toEqual([
      defaultBibliography()['park-physician-use-2021'],
      localPolicy,
    ]);
  });

  it('lets a service add sources of its own beside the default ones, but not redefine one', () => {
    const service = {
      name: 'Our service',
      version: '1',
      bibliography: {
        'our-policy': localPolicy,
        'park-physician-use-2021': { citation: 'Park, again', year: 2021 },
      },
      entries: [{ id: 'claims', sources: ['our-policy', 'park-physician-use-2021'] }],
    };
    expect(errorsOf(service, [defaultLexicon()])).toEqual([
      'bibliography.park-physician-use-2021: "park-physician-use-2021" is already defined in a layer below; cite it as it is, or give your source a key of its own',
    ]);
    const { 'park-physician-use-2021': _park, ...own } = service.bibliography;
    expect(errorsOf({ ...service, bibliography: own }, [defaultLexicon()])).toEqual([]);
  });

  it('checks the bibliography’s keys and sources like any other field', () => {
    const layer = (bibliography: unknown) =>
      lexicon([entry({ id: 'a', phrases: ['a'] })], { bibliography } as Partial<Lexicon>);
    expect(errorsOf(layer({ 'Our Policy': localPolicy }))[0]).toMatch(
      /^bibliography.Our Policy: a key uses lower-case letters, digits and single hyphens/,
    );
    expect(errorsOf(layer({ 'our-policy': { ...localPolicy, yaer: 2025 } }))).toEqual([
      'bibliography.our-policy.yaer: unknown field "yaer"; did you mean "year"?',
    ]);
  });

  it('resolves keys against the layers below and its own, not a later layer’s', () => {
    const base = lexicon([entry({ id: 'a', phrases: ['a'], sources: ['later-key'] })]);
    const later = lexicon([], { bibliography: { 'later-key': localPolicy } });
    const merged = mergeLayers([base, later]);
    expect(merged.entries[0]!.entry.sources).toEqual([]);
    expect(merged.bibliography).toEqual({ 'later-key': localPolicy });
  });

  it('shows the source from the locale’s own country first', () => {
    const layer = lexicon([entry({ id: 'claims', phrases: ['claims'], sources: ['uk', 'us'] })], {
      bibliography: {
        uk: { citation: 'UK guide', year: 2020, region: 'UK' },
        us: { citation: 'US guide', year: 2020, region: 'US' },
      },
    });
    const cited = (locale: 'en-GB' | 'en-US') =>
      compile([layer], { locale })
        .find('She claims it.')[0]!
        .sources.map((s) => s.citation);
    expect(cited('en-GB')).toEqual(['UK guide', 'US guide']);
    expect(cited('en-US')).toEqual(['US guide', 'UK guide']);
  });
});
