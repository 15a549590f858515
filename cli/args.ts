import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  DOCUMENT_KINDS,
  LOCALES,
  SEVERITIES,
  type DocumentKind,
  type Locale,
  type Severity,
} from '../core/index.ts';
import { UsageError } from './errors.ts';
import { STDIN } from './read-input.ts';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type HelpTopic = 'main' | 'check' | 'lexicon';

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
  /** Empty when the user gave no FILE: main decides between stdin and a usage error. */
  files: string[];
}

export type Command =
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'version' }
  | CheckCommand
  | { kind: 'lexicon-validate'; files: string[] }
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

function parseCheck(args: string[]): Command {
  const { values, positionals } = parse(
    args,
    {
      ...HELP_OPTION,
      format: { type: 'string' },
      lexicon: { type: 'string', multiple: true },
      'no-default-lexicon': { type: 'boolean' },
      locale: { type: 'string' },
      kind: { type: 'string' },
      'min-severity': { type: 'string' },
    },
    'check',
  );
  if (values.help) return { kind: 'help', topic: 'check' };
  const lexicons = values.lexicon ?? [];
  // An unset shell variable ("$LETTER") gives an empty argument: say so, not ": no such file".
  if (positionals.includes('')) {
    throw new UsageError('an empty FILE name was given (""); is a shell variable unset?');
  }
  if (lexicons.includes('')) {
    throw new UsageError('--lexicon was given an empty FILE name (""); is a shell variable unset?');
  }
  if (values['no-default-lexicon'] && lexicons.length === 0) {
    // Otherwise nothing is checked and the run says "No suggestions", which reads as a clean bill.
    throw new UsageError(
      '--no-default-lexicon needs at least one --lexicon FILE, or there is nothing to check against',
    );
  }
  // Stdin can only be read once.
  if ([...lexicons, ...positionals].filter((p) => p === STDIN).length > 1) {
    throw new UsageError('"-" (stdin) can be given only once');
  }
  return {
    kind: 'check',
    format: values.format === undefined ? 'text' : oneOf(values.format, FORMATS, '--format'),
    lexicons,
    useDefaultLexicon: !values['no-default-lexicon'],
    locale: values.locale === undefined ? undefined : oneOf(values.locale, LOCALES, '--locale'),
    documentKind: values.kind === undefined ? 'auto' : oneOf(values.kind, KINDS, '--kind'),
    minSeverity:
      values['min-severity'] === undefined
        ? undefined
        : oneOf(values['min-severity'], SEVERITIES, '--min-severity'),
    files: positionals,
  };
}

function parseLexiconCommand(args: string[]): Command {
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
      'lexicon needs a command: validate or schema; see alongside lexicon --help',
    );
  }
  throw new UsageError(
    `unknown lexicon command "${sub}" (expected validate or schema); see alongside lexicon --help`,
  );
}

function helpTopic(name: string | undefined): HelpTopic {
  if (name === undefined) return 'main';
  if (name === 'check' || name === 'lexicon') return name;
  throw new UsageError(`no help for "${name}"; the commands are check and lexicon`);
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
    default:
      if (first.startsWith('-'))
        throw new UsageError(`unknown option "${first}"; see alongside --help`);
      throw new UsageError(`unknown command "${first}"; see alongside --help`);
  }
}
