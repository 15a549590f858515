import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLexicon, validateLexicon, type Lexicon } from '../../core/index.ts';
import { defaultLexiconFiles } from '../../core/default-lexicon.ts';
import {
  lexiconAsWritten,
  lexiconFromCsv,
  lexiconToCsv,
  type LexiconFile,
} from '../../core/lexicon/csv.ts';

/** Rows of a CSV as lexiconToCsv writes them: a byte-order mark, CRLF after every row. */
const csv = (...rows: string[]) => `\uFEFF${rows.join('\r\n')}\r\n`;

/** Reads a CSV that must be valid, and returns the lexicon as its file would hold it. */
function read(text: string, below?: Lexicon[]): LexiconFile {
  const result = lexiconFromCsv(text, undefined, { below });
  if ('errors' in result) throw new Error(result.errors.join('\n'));
  return result.lexicon;
}

/** The error lines a CSV gives, prefixed with its name. */
function errorsOf(text: string, below: Lexicon[] = [defaultLexicon()]): string[] {
  const result = lexiconFromCsv(text, 'ours.csv', { below });
  return 'errors' in result ? result.errors : [];
}

const SAMPLE: LexiconFile = {
  name: 'Ours',
  version: '1',
  locale: 'en-GB',
  disable: ['insists'],
  allow: ['claims department'],
  bibliography: {
    'ours-letters-2025': {
      citation: 'Our trust. Writing to patients: policy.',
      year: 2025,
      region: 'UK',
    },
  },
  entries: [
    { id: 'claims', severity: 'info' },
    {
      id: 'ours-regular',
      category: 'labels',
      severity: 'suggest',
      phrases: ['ward seven regular', 'ward 7 regular'],
      message: 'Local shorthand, not a need.',
      why: 'A label says how often, not why.',
      sources: ['ours-letters-2025'],
      alternatives: ['has come to us often', ''],
      examples: {
        flag: ['He is a ward seven regular.'],
        pass: ['He is on ward seven.', 'A regular review.'],
      },
      appliesTo: ['letter-to-gp'],
      enabled: true,
    },
    {
      id: 'ours-frequent',
      category: 'labels',
      severity: 'warn',
      phrases: ['frequent flyer'],
      context: { notPrecededBy: ['not'] },
      message: 'A label.',
      why: 'Why.',
      sources: [{ citation: 'Somebody 2020.', year: 2020 }],
      alternatives: [{ group: 0, cases: { 'frequent flyer': 'person who comes often' } }],
      examples: {
        flag: [{ text: 'A frequent flyer.', corrections: ['A person who comes often.'] }],
        pass: ['Not a frequent flyer.'],
      },
    },
  ],
};

const SAMPLE_CSV = csv(
  'id,category,severity,enabled,phrases,detect,inflect,caseSensitive,context (JSON),appliesTo,message,why,alternatives,alternatives (JSON),advice,rewrite.before,rewrite.after,sources,sources (JSON),examples.flag,examples.flag (JSON),examples.pass,tags',
  '#name,Ours,,,,,,,,,,,,,,,,,,,,,',
  '#version,1,,,,,,,,,,,,,,,,,,,,,',
  '#locale,en-GB,,,,,,,,,,,,,,,,,,,,,',
  '#disable,insists,,,,,,,,,,,,,,,,,,,,,',
  '#allow,claims department,,,,,,,,,,,,,,,,,,,,,',
  '#bibliography.ours-letters-2025 (JSON),"{""citation"":""Our trust. Writing to patients: policy."",""year"":2025,""region"":""UK""}",,,,,,,,,,,,,,,,,,,,,',
  'claims,,info,,,,,,,,,,,,,,,,,,,,',
  'ours-regular,labels,suggest,true,"ward seven regular\nward 7 regular",,,,,letter-to-gp,"Local shorthand, not a need.","A label says how often, not why.","has come to us often\n""""",,,,,ours-letters-2025,,He is a ward seven regular.,,"He is on ward seven.\nA regular review.",',
  'ours-frequent,labels,warn,,frequent flyer,,,,"{""notPrecededBy"":[""not""]}",,A label.,Why.,,"[{""group"":0,""cases"":{""frequent flyer"":""person who comes often""}}]",,,,,"[{""citation"":""Somebody 2020."",""year"":2020}]",,"[{""text"":""A frequent flyer."",""corrections"":[""A person who comes often.""]}]",Not a frequent flyer.,',
);

describe('lexiconToCsv', () => {
  it('writes one row per entry, lists one item a line, and JSON only where plain cells cannot carry a value', () => {
    expect(lexiconToCsv(SAMPLE)).toBe(SAMPLE_CSV);
  });

  it('writes every plain column even for a lexicon of patches, so the sheet is a template', () => {
    const patches: LexiconFile = { name: 'P', version: '2', entries: [{ id: 'claims' }] };
    expect(lexiconToCsv(patches)).toBe(
      csv(
        'id,category,severity,enabled,phrases,detect,inflect,caseSensitive,appliesTo,message,why,alternatives,advice,rewrite.before,rewrite.after,sources,examples.flag,examples.pass,tags',
        '#name,P,,,,,,,,,,,,,,,,,',
        '#version,2,,,,,,,,,,,,,,,,,',
        'claims,,,,,,,,,,,,,,,,,,',
      ),
    );
  });

  it('writes an empty list, and a list item holding a line break, as JSON', () => {
    const lexicon: LexiconFile = {
      name: 'P',
      version: '1',
      entries: [{ id: 'claims', appliesTo: [], tags: ['two\nlines', 'one'] }],
    };
    const out = lexiconToCsv(lexicon);
    expect(out.split('\r\n')[0]).toBe(
      '\uFEFFid,category,severity,enabled,phrases,detect,inflect,caseSensitive,appliesTo,appliesTo (JSON),message,why,alternatives,advice,rewrite.before,rewrite.after,sources,examples.flag,examples.pass,tags,tags (JSON)',
    );
    expect(out.split('\r\n')[3]).toBe('claims,,,,,,,,,[],,,,,,,,,,,"[""two\\nlines"",""one""]"');
    expect(read(out, [defaultLexicon()])).toEqual(lexicon);
  });

  it('writes patches after whole entries for a validated layer, and lexiconAsWritten puts them back in the file order', () => {
    const file = {
      name: 'P',
      version: '1',
      bibliography: SAMPLE.bibliography,
      entries: [{ id: 'claims', severity: 'info' }, SAMPLE.entries[1], { id: 'insists' }],
    };
    const result = validateLexicon(file, { below: [defaultLexicon()] });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(
      lexiconToCsv(result.lexicon)
        .split('\r\n')
        .slice(4, 7)
        .map((row) => row.split(',')[0]),
    ).toEqual(['ours-regular', 'claims', 'insists']);
    expect(lexiconAsWritten(result.lexicon, ['claims', 'ours-regular', 'insists'])).toEqual(file);
  });
});

describe('lexiconFromCsv', () => {
  it('reads back exactly what lexiconToCsv wrote', () => {
    expect(read(SAMPLE_CSV, [defaultLexicon()])).toEqual(SAMPLE);
  });

  it('reads a row with an id and some cells as a patch: empty cells are not given', () => {
    const text = [
      'id,category,severity,message,examples.pass',
      '#name,Ours',
      '#version,1',
      'claims,,info,,',
      'insists,, ,May read as doubting the account.,',
      'claims-to,,,,"He claims nothing.\n\nShe claimed a refund."',
    ].join('\n');
    const result = lexiconFromCsv(text, undefined, { below: [defaultLexicon()] });
    if ('errors' in result) throw new Error(result.errors.join('\n'));
    expect(result.lexicon).toEqual({
      name: 'Ours',
      version: '1',
      entries: [
        { id: 'claims', severity: 'info' },
        { id: 'insists', message: 'May read as doubting the account.' },
        { id: 'claims-to', examples: { pass: ['He claims nothing.', 'She claimed a refund.'] } },
      ],
    });
    expect(result.layer.entries).toEqual([]);
    expect(result.layer.patches?.map((p) => p.id)).toEqual(['claims', 'insists', 'claims-to']);
  });

  it('reads a sheet as Excel saves it: a byte-order mark, ";" between cells, TRUE and FALSE', () => {
    const text =
      '\uFEFFid;enabled;caseSensitive\r\n#name;Ours\r\n#version;1\r\nclaims;FALSE;True\r\n';
    expect(read(text, [defaultLexicon()]).entries).toEqual([
      { id: 'claims', enabled: false, caseSensitive: true },
    ]);
  });

  it('reads a range pasted from a spreadsheet, with tabs between cells', () => {
    const text = 'id\tseverity\n#name\tOurs\n#version\t1\nclaims\tinfo\n';
    expect(read(text, [defaultLexicon()]).entries).toEqual([{ id: 'claims', severity: 'info' }]);
  });

  it('reads a line "" in alternatives as the alternative that takes the words out', () => {
    const text =
      'id,alternatives,examples.flag\n#name,O\n#version,1\nclaims,"says\n""""\n\nreports",She claims it.\n';
    expect(read(text, [defaultLexicon()]).entries).toEqual([
      {
        id: 'claims',
        alternatives: ['says', '', 'reports'],
        examples: { flag: ['She claims it.'] },
      },
    ]);
  });

  it('matches headings whatever their case, and reads a column given as JSON', () => {
    const text = 'ID,Severity,Tags (json)\n#name,O\n#version,1\nclaims,warn,"[""doubt""]"\n';
    expect(read(text, [defaultLexicon()]).entries).toEqual([
      { id: 'claims', severity: 'warn', tags: ['doubt'] },
    ]);
  });
});

describe('lexiconFromCsv errors name the row and the column', () => {
  const head = '#name,Ours\n#version,1';

  it('says what a cell holds that the schema refuses', () => {
    expect(errorsOf(`id,severity\n${head}\nclaims,info\nclaims-to,high\n`)).toEqual([
      'ours.csv: row 5, severity: expected one of "info", "suggest" or "warn", not "high"',
    ]);
  });

  it('names the line of a list cell', () => {
    expect(errorsOf(`id,appliesTo\n${head}\nclaims,"letter-to-gp\n\nletter"\n`)).toEqual([
      'ours.csv: row 4, appliesTo (line 3): expected "letter-to-patient", "letter-to-gp" or "clinical-note", not "letter"',
    ]);
  });

  it('names the place inside a JSON cell', () => {
    const text = `id,context (JSON)\n${head}\nclaims,"{""window"": 30, ""notPreceded"": []}"\n`;
    expect(errorsOf(text)).toEqual([
      'ours.csv: row 4, context (JSON) at window: window must be at most 12 words',
      'ours.csv: row 4, context (JSON) at notPreceded: unknown field "notPreceded"; did you mean "notPrecededBy"?',
    ]);
  });

  it('turns entries[N] into rows, for a duplicate id and a patch of an id that is not below', () => {
    expect(errorsOf(`id,severity\n${head}\nclaims,info\nclams,info\nclaims,warn\n`)).toEqual([
      'ours.csv: row 5, id: there is no entry "clams" in the layers below to patch; did you mean "claims"?',
      'ours.csv: row 6, id: duplicate id "claims" (also row 4); give each entry its own id',
    ]);
  });

  it('names the lexicon rows, and says where a missing one goes', () => {
    expect(errorsOf(`id\n${head}\n#disable,"claims\nclams"\n#allow,Dr. Jones claims\n`)).toEqual([
      'ours.csv: row 4, #disable (line 2): there is no entry "clams" in the layers below to switch off; did you mean "claims"?',
      'ours.csv: row 5, #allow (line 1): never matches: "Dr. Jones claims" contains ".", which never joins words in text; use only words, spaces, hyphens and apostrophes',
    ]);
    expect(errorsOf(`id\n#name,Ours\n#locale,en-UK\n`)).toEqual([
      'ours.csv: #version: required field is missing (expected version as a string); add a row with "#version" in its first cell and the value in the second',
      'ours.csv: row 3, #locale: expected "en-GB" or "en-US", not "en-UK"',
    ]);
  });

  it('names a source row and the field inside it', () => {
    const text = `id\n${head}\n#bibliography.ours (JSON),"{""citation"": ""Ours"", ""year"": 1800, ""url"": ""http://example.org""}"\n`;
    expect(errorsOf(text)).toEqual([
      'ours.csv: row 4, #bibliography.ours (JSON) at year: expected a year from 1900 on',
      'ours.csv: row 4, #bibliography.ours (JSON) at url: expected a full web address starting with https://',
    ]);
  });

  it('says what a new entry is missing, and where an entry with advice only puts its empty list', () => {
    expect(errorsOf(`id,category,severity,message\n${head}\nours-x,labels,warn,Hi.\n`)).toEqual([
      'ours.csv: row 4, id: there is no entry "ours-x" in the layers below to patch, and a new entry needs every field (missing "why", "sources", "alternatives", "examples"); an entry with advice only gives [] in "alternatives (JSON)"',
    ]);
  });

  it('refuses headings it does not know, and a JSON-only field in a plain column', () => {
    expect(errorsOf('id,severty,context\n')).toEqual([
      'ours.csv: row 1, column B: unknown heading "severty"; did you mean "severity"?',
      'ours.csv: row 1, column C: "context" is written as JSON; head the column "context (JSON)"',
    ]);
    expect(errorsOf('severity,id\n')).toEqual([
      'ours.csv: row 1, column A: the first heading must be "id", not "severity"',
    ]);
    expect(errorsOf('id,severity,Severity\n')).toEqual([
      'ours.csv: row 1, column C: "severity" also heads column B; keep one',
    ]);
  });

  it('refuses cells it cannot read, before validating anything', () => {
    const text = `id,enabled,context (JSON),severity,severity (JSON)\n${head},extra\nclaims,yes,"{""window"": 3",info,"""warn"""\nclaims-to,,,,,stray\n#nmae,x\n`;
    expect(errorsOf(text)).toEqual([
      'ours.csv: row 3, #version: the value goes in column B alone; column C should be empty',
      'ours.csv: row 4, enabled: expected true or false, not "yes"',
      'ours.csv: row 4, context (JSON): not valid JSON at character 13: a closing } was expected',
      'ours.csv: row 4, severity: given in "severity" and in "severity (JSON)"; keep one',
      'ours.csv: row 5, column F: this cell has no heading in row 1; give the column one, or empty the cell',
      'ours.csv: row 6: "#nmae" is not a lexicon field; did you mean "#name"?',
    ]);
  });

  it('refuses a lexicon row given twice, and a source not written as JSON', () => {
    expect(
      errorsOf(`id\n${head}\n#name,Theirs\n#bibliography.ours,Our policy 2025\n#prompts,x\n`),
    ).toEqual([
      'ours.csv: row 4, #name: also given in row 2; keep one',
      'ours.csv: row 5: "#bibliography.ours" is written as JSON; name the row "#bibliography.ours (JSON)"',
      'ours.csv: row 6: "#prompts" is written as JSON; name the row "#prompts (JSON)"',
    ]);
  });

  it('refuses a quoted cell that is not closed, and a field given twice in a JSON cell', () => {
    expect(errorsOf(`id,severity\n${head}\nclaims,"info\n`)).toEqual([
      'ours.csv: row 4: a quoted cell is not closed: a cell that starts with " needs a " at its end',
    ]);
    expect(
      errorsOf(`id,context (JSON)\n${head}\nclaims,"{""window"": 2, ""window"": 3}"\n`),
    ).toEqual(['ours.csv: row 4, context (JSON): "window" is given twice in one object; keep one']);
  });

  it('says how to give corrections when a plain flag example needs them (examples run)', () => {
    const text =
      'id,category,severity,phrases,message,why,sources,alternatives,examples.flag,examples.pass\n' +
      `${head}\nours-x,labels,warn,frequent flyer,A label.,Why.,park-physician-use-2021,person who comes often,He is a frequent flyer.,He flew.\n`;
    const result = lexiconFromCsv(text, 'ours.csv', { below: [defaultLexicon()], examples: true });
    expect(result).toEqual({
      errors: [
        'ours.csv: row 4, examples.flag (line 1): give the sentence each alternative leaves, as { "text": "…", "corrections": ["He is a person who comes often."] }; in a sheet, flag examples with their corrections go in "examples.flag (JSON)"',
      ],
    });
  });

  it('refuses more than 2,000,000 characters, as validate does, and an empty file', () => {
    const start = `id\n${head}\n#description,`;
    const text = `${start}${'x'.repeat(2_000_001 - start.length - 1)}\n`;
    expect(text.length).toBe(2_000_001);
    expect(errorsOf(text)).toEqual([
      'ours.csv: is 2,000,001 characters; a lexicon file may have at most 2,000,000 (about 2 MB): split it into layers',
    ]);
    expect(errorsOf('\uFEFF \n')).toEqual([
      'ours.csv: the file is empty; row 1 needs the headings, starting with "id"',
    ]);
  });
});

describe('text is only ever data', () => {
  const risky: LexiconFile = {
    name: '=HYPERLINK("https://evil.example","Click")',
    version: '-1',
    entries: [
      {
        id: 'claims',
        message: '=HYPERLINK("https://evil.example","Click")',
        why: '<img src=x onerror=alert(1)>',
        advice: 'javascript:alert(1)',
        tags: ['-1+1', '@SUM(A1)', "'=already quoted"],
        examples: { pass: ['+44 20 7946 0000'] },
        rewrite: { before: "'til then", after: "'=x" },
      },
    ],
  };

  it("puts a ' before a cell a spreadsheet would run as a formula, and takes it off on reading", () => {
    const out = lexiconToCsv(risky);
    const rows = out.split('\r\n');
    expect(rows[1]).toBe(
      `#name,"'=HYPERLINK(""https://evil.example"",""Click"")"${','.repeat(17)}`,
    );
    expect(rows[2]).toBe(`#version,"'-1"${','.repeat(17)}`);
    expect(rows.slice(3).join('\r\n')).toBe(
      `claims,,,,,,,,,"'=HYPERLINK(""https://evil.example"",""Click"")",<img src=x onerror=alert(1)>,,javascript:alert(1),'til then,"''=x",,,"'+44 20 7946 0000","'-1+1\n@SUM(A1)\n'=already quoted"\r\n`,
    );
    expect(read(out, [defaultLexicon()])).toEqual(risky);
  });

  it('keeps a hand-written leading apostrophe that guards nothing', () => {
    const text = "id,why\n#name,O\n#version,1\nclaims,'tis so\n";
    expect(read(text, [defaultLexicon()]).entries).toEqual([{ id: 'claims', why: "'tis so" }]);
  });

  /** Characters that CSV, spreadsheets, HTML and list cells each treat specially. */
  const tricky = fc.string({
    unit: fc.constantFrom(
      'a',
      'Z',
      ' ',
      ',',
      ';',
      '"',
      "'",
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      '<',
      '>',
      '&',
      '|',
      '#',
      'é',
      '’',
      '😀',
    ),
    minLength: 1,
    maxLength: 12,
  });

  it('round-trips any text in text and list fields (JSON → CSV → JSON, both validated)', () => {
    fc.assert(
      fc.property(
        tricky,
        tricky,
        fc.array(tricky, { minLength: 1, maxLength: 3 }),
        (message, citation, tags) => {
          const file = {
            name: 'P',
            version: '1',
            entries: [
              {
                id: 'ours',
                category: 'labels',
                severity: 'info',
                phrases: ['frequent flyer'],
                message,
                why: message,
                sources: [{ citation, year: 2020 }],
                alternatives: tags,
                examples: { flag: ['A frequent flyer.'], pass: tags },
                tags,
              },
            ],
          };
          const first = validateLexicon(file);
          fc.pre(first.ok);
          if (!first.ok) return;
          const written = lexiconAsWritten(first.lexicon, ['ours']);
          expect(read(lexiconToCsv(written))).toEqual(written);
        },
      ),
    );
  });
});

describe('JSON → CSV → JSON over the whole default lexicon', () => {
  // The default lexicon is larger than one file may be (2,000,000 characters), so each of its
  // category files goes through on its own; together they are every entry.
  const files = Object.entries(defaultLexiconFiles());

  it('covers every entry of defaultLexicon()', () => {
    expect(files.flatMap(([, file]) => file.entries)).toEqual(defaultLexicon().entries);
  });

  // A CSV carries every field (the structured ones as JSON cells): only a JSONC file's comments
  // are lost, and they are not in the data.
  // What validation normalises (text trimmed) is compared after it, on both sides.
  it.each(files)('%s keeps every entry and field', (_, file) => {
    const validated = validateLexicon(file);
    if (!validated.ok) throw new Error(validated.errors.join('\n'));
    const written = lexiconAsWritten(
      validated.lexicon,
      file.entries.map((e) => e.id),
    );
    const back = read(lexiconToCsv(written));
    expect(back.entries.map((e) => e.id)).toEqual(file.entries.map((e) => e.id));
    expect(back).toEqual(written);
  });
});
