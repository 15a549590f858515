import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  DOCUMENT_KINDS,
  LOCALES,
  SEVERITIES,
  type DocumentKind,
  type Locale,
  type Severity,
} from '../core/index.ts';
import { LEXICON_FORMATS, type ConvertCommand } from './convert.ts';
import { UsageError } from './errors.ts';
import { STDIN } from './read-input.ts';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type HelpTopic = 'main' | 'check' | 'lexicon' | 'audit' | 'kit';

export const KIT_FORMATS = ['html', 'md'] as const;

/** `alongside kit`: the prompt kit in force, printed as a page or as Markdown. */
export interface KitCommand {
  kind: 'kit';
  format: (typeof KIT_FORMATS)[number];
  lexicons: string[];
  useDefaultLexicon: boolean;
  locale: Locale | undefined;
  /** Where to write it; undefined: stdout. */
  out: string | undefined;
}

/** `--kind`: a document kind, or `auto` to detect it from each file's text. */
export const KINDS = [...DOCUMENT_KINDS, 'auto'] as const;
export type KindOption = DocumentKind | 'auto';

export interface CheckCommand {
  kind: 'check';
  format: Format;
  lexicons: string[];
  useDefaultLexicon: boolean;
  locale: Locale | undefined;
  documentKind: KindOption;
  /** Only findings at least this severe are reported; undefined reports every one. */
  minSeverity: Severity | undefined;
  /** Also report the whole-letter reflections of the kit in force (`--reflect`). */
  reflect: boolean;
  /** Empty when the user gave no FILE: main decides between stdin and a usage error. */
  files: string[];
}

/** Where `alongside audit` writes its report when not told: the current directory. */
export const DEFAULT_AUDIT_REPORT = 'alongside-audit.html';

export interface AuditCommand {
  kind: 'audit';
  /** The folder of letters, as given. */
  dir: string;
  lexicons: string[];
  useDefaultLexicon: boolean;
  locale: Locale | undefined;
  documentKind: KindOption;
  /** The HTML report's path. */
  out: string;
  /** The CSV of findings' path, when asked for. */
  csv: string | undefined;
}

export type Command =
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'version' }
  | CheckCommand
  | AuditCommand
  | KitCommand
  | { kind: 'lexicon-validate'; files: string[] }
  | ConvertCommand
  | { kind: 'lexicon-schema' };

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** util.parseArgs, with its errors turned into one-line UsageErrors that point to the right help. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  helpCommand: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const see = `see alongside ${helpCommand} --help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // Node's message goes on about '--'; the option name is what the user needs.
      const option = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`unknown option "${option}"; ${see}`);
    }
    throw new UsageError(`${message.charAt(0).toLowerCase()}${message.slice(1)}; ${see}`);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.map((a) => `"${a}"`).join(' or ');
  throw new UsageError(`${option} must be ${list}, not "${value}"`);
}

/** The --lexicon rules `check` and `audit` share. */
/** The options every command that reads lexicons takes: which layers, and which spelling. */
const LAYER_OPTIONS = {
  lexicon: { type: 'string', multiple: true },
  'no-default-lexicon': { type: 'boolean' },
  locale: { type: 'string' },
} as const;

/**
 * The layers and spelling those options ask for, checked; `files` are the command's other
 * inputs, for stdin ("-") to be read once in all.
 */
function layersFrom(
  values: { lexicon?: string[]; 'no-default-lexicon'?: boolean; locale?: string },
  files: readonly string[] = [],
): { lexicons: string[]; useDefaultLexicon: boolean; locale: Locale | undefined } {
  const lexicons = values.lexicon ?? [];
  checkLexiconOptions(lexicons, values['no-default-lexicon'] === true);
  // Stdin can only be read once.
  if ([...lexicons, ...files].filter((p) => p === STDIN).length > 1) {
    throw new UsageError('"-" (stdin) can be given only once');
  }
  return {
    lexicons,
    useDefaultLexicon: !values['no-default-lexicon'],
    locale: values.locale === undefined ? undefined : oneOf(values.locale, LOCALES, '--locale'),
  };
}

function checkLexiconOptions(lexicons: readonly string[], noDefault: boolean): void {
  if (lexicons.includes('')) {
    throw new UsageError('--lexicon was given an empty FILE name (""); is a shell variable unset?');
  }
  if (noDefault && lexicons.length === 0) {
    // Otherwise nothing is checked and the run says "No suggestions", which reads as a clean bill.
    throw new UsageError(
      '--no-default-lexicon needs at least one --lexicon FILE, or there is nothing to check against',
    );
  }
}

function parseCheck(args: string[]): Command {
  const { values, positionals } = parse(
    args,
    {
      ...HELP_OPTION,
      format: { type: 'string' },
      ...LAYER_OPTIONS,
      kind: { type: 'string' },
      'min-severity': { type: 'string' },
      reflect: { type: 'boolean' },
    },
    'check',
  );
  if (values.help) return { kind: 'help', topic: 'check' };
  // An unset shell variable ("$LETTER") gives an empty argument: say so, not ": no such file".
  if (positionals.includes('')) {
    throw new UsageError('an empty FILE name was given (""); is a shell variable unset?');
  }
  const layers = layersFrom(values, positionals);
  return {
    kind: 'check',
    format: values.format === undefined ? 'text' : oneOf(values.format, FORMATS, '--format'),
    ...layers,
    documentKind: values.kind === undefined ? 'auto' : oneOf(values.kind, KINDS, '--kind'),
    minSeverity:
      values['min-severity'] === undefined
        ? undefined
        : oneOf(values['min-severity'], SEVERITIES, '--min-severity'),
    reflect: values.reflect === true,
    files: positionals,
  };
}

function parseAudit(args: string[]): Command {
  const { values, positionals } = parse(
    args,
    {
      ...HELP_OPTION,
      ...LAYER_OPTIONS,
      kind: { type: 'string' },
      out: { type: 'string' },
      csv: { type: 'string' },
    },
    'audit',
  );
  if (values.help) return { kind: 'help', topic: 'audit' };
  const [dir, ...extra] = positionals;
  if (dir === undefined) {
    throw new UsageError('audit needs a folder of letters: alongside audit DIR');
  }
  if (extra.length > 0) {
    throw new UsageError(
      `audit takes one folder, but was also given "${extra[0]}"; put the letters in one folder, or run it once for each`,
    );
  }
  if (dir === '')
    throw new UsageError('an empty DIR name was given (""); is a shell variable unset?');
  if (dir === STDIN)
    throw new UsageError(
      'audit reads a folder, not stdin; to check piped text, use alongside check -',
    );
  const layers = layersFrom(values);
  for (const option of ['out', 'csv'] as const) {
    if (values[option] === '') {
      throw new UsageError(
        `--${option} was given an empty FILE name (""); is a shell variable unset?`,
      );
    }
  }
  return {
    kind: 'audit',
    dir,
    ...layers,
    documentKind: values.kind === undefined ? 'auto' : oneOf(values.kind, KINDS, '--kind'),
    out: values.out ?? DEFAULT_AUDIT_REPORT,
    csv: values.csv,
  };
}

function parseKit(args: string[]): Command {
  const { values, positionals } = parse(
    args,
    {
      ...HELP_OPTION,
      format: { type: 'string' },
      ...LAYER_OPTIONS,
      out: { type: 'string' },
    },
    'kit',
  );
  if (values.help) return { kind: 'help', topic: 'kit' };
  if (positionals.length > 0) {
    throw new UsageError(
      `kit takes no FILE, but was given "${positionals[0]}"; a service's prompts come with --lexicon FILE`,
    );
  }
  const layers = layersFrom(values);
  if (values.out === '') {
    throw new UsageError('--out was given an empty FILE name (""); is a shell variable unset?');
  }
  return {
    kind: 'kit',
    format: values.format === undefined ? 'html' : oneOf(values.format, KIT_FORMATS, '--format'),
    ...layers,
    out: values.out,
  };
}

/** `lexicon convert FILE --to json|csv [--out FILE]`: options of its own, so parsed apart. */
function parseConvert(args: string[]): Command {
  const { values, positionals } = parse(
    args,
    { ...HELP_OPTION, to: { type: 'string' }, out: { type: 'string' } },
    'lexicon',
  );
  if (values.help) return { kind: 'help', topic: 'lexicon' };
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new UsageError(
      'lexicon convert needs a FILE: alongside lexicon convert FILE --to json|csv',
    );
  }
  if (extra.length > 0) {
    throw new UsageError(`lexicon convert takes one FILE, but was also given "${extra[0]}"`);
  }
  if (file === '' || values.out === '') {
    const what = file === '' ? 'FILE' : '--out FILE';
    throw new UsageError(`an empty ${what} name was given (""); is a shell variable unset?`);
  }
  if (values.to === undefined) {
    throw new UsageError('lexicon convert needs --to json or --to csv');
  }
  return {
    kind: 'lexicon-convert',
    file,
    to: oneOf(values.to, LEXICON_FORMATS, '--to'),
    out: values.out,
  };
}

function parseLexiconCommand(args: string[]): Command {
  if (args[0] === 'convert') return parseConvert(args.slice(1));
  const { values, positionals } = parse(args, HELP_OPTION, 'lexicon');
  const [sub, ...rest] = positionals;
  if (values.help) return { kind: 'help', topic: 'lexicon' };
  if (sub === 'validate') {
    if (rest.length === 0) {
      throw new UsageError(
        'lexicon validate needs at least one FILE; see alongside lexicon --help',
      );
    }
    if (rest.filter((p) => p === STDIN).length > 1) {
      throw new UsageError('"-" (stdin) can be given only once');
    }
    return { kind: 'lexicon-validate', files: rest };
  }
  if (sub === 'schema') {
    if (rest.length > 0) {
      throw new UsageError(`lexicon schema takes no arguments, got "${rest[0]}"`);
    }
    return { kind: 'lexicon-schema' };
  }
  if (sub === undefined) {
    throw new UsageError(
      'lexicon needs a command: validate, convert or schema; see alongside lexicon --help',
    );
  }
  throw new UsageError(
    `unknown lexicon command "${sub}" (expected validate, convert or schema); see alongside lexicon --help`,
  );
}

function helpTopic(name: string | undefined): HelpTopic {
  if (name === undefined) return 'main';
  if (name === 'check' || name === 'lexicon' || name === 'audit' || name === 'kit') return name;
  throw new UsageError(`no help for "${name}"; the commands are check, audit, kit and lexicon`);
}

/** Turns argv (without node and the script) into a command. Throws UsageError on bad input. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
      throw new UsageError('no command given; try alongside check FILE, or see alongside --help');
    case '-h':
    case '--help':
      return { kind: 'help', topic: 'main' };
    case 'help':
      if (rest.length > 1) throw new UsageError('help takes at most one command name');
      return { kind: 'help', topic: helpTopic(rest[0]) };
    case '-v':
    case '--version':
      return { kind: 'version' };
    case 'check':
      return parseCheck(rest);
    case 'lexicon':
      return parseLexiconCommand(rest);
    case 'audit':
      return parseAudit(rest);
    case 'kit':
      return parseKit(rest);
    default:
      if (first.startsWith('-'))
        throw new UsageError(`unknown option "${first}"; see alongside --help`);
      throw new UsageError(`unknown command "${first}"; see alongside --help`);
  }
}
