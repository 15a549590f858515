import type { HelpTopic } from './args.ts';

const EXIT_CODES =
  'Exit codes: 0 nothing to suggest, 1 suggestions found, 2 a usage or input problem.';

const MAIN = `Usage: alongside <command> [options]

Suggests relational, person-in-context wording for clinical letters and notes.

Commands:
  check [FILE|-]...          Suggest wording in UTF-8 text files, or in text piped to stdin
  lexicon validate FILE...   Check lexicon files against the lexicon format
  lexicon schema             Print the lexicon JSON Schema
  help [COMMAND]             Show help for alongside or for a command

Options:
  -h, --help                 Show this help
  -v, --version              Show the version

${EXIT_CODES}
`;

const CHECK = `Usage: alongside check [options] [FILE|-]...

Reads each FILE as UTF-8 text ("-" for stdin; stdin is also read when no FILE is given and
input is piped) and lists wording that may read as blaming, doubting or closing the door.

Options:
  --format text|json         Output format (default: text)
  --lexicon FILE             Add a lexicon layer after the default one; repeat for more layers,
                             later layers add, replace (by id) or disable entries
  --no-default-lexicon       Use only the --lexicon files (at least one is needed)
  --locale en-GB|en-US       Wording of messages and suggestions (default: en-GB)
  --kind KIND                letter-to-patient, letter-to-gp, clinical-note or auto (default:
                             auto, detected per file; entries for letters stay silent in notes)
  --min-severity LEVEL       info, suggest or warn: report only findings at least this severe
                             (default: info, every finding)
  -h, --help                 Show this help

Text output: path:line:column  severity  message  (entry-id), then under it the sentence as the
first suggestion leaves it, then a summary line.
JSON output: [{ "file", "kind", "findings": [{ entryId, category, severity, start, end, line,
column, match, message, suggestions, replacements: [{ start, end, text }], advice? }] }]; one
replacement per suggestion, in order; line and column are 1-based; start, end and columns are
UTF-16 offsets into the input.

Files are checked and reported one at a time, in the order given; an input over 50 MB is
refused. A file that cannot be read gets one line on stderr, the others are still checked (the
JSON array is still complete) and the exit code is 2.

${EXIT_CODES}
`;

const LEXICON = `Usage: alongside lexicon validate FILE...
       alongside lexicon schema

  validate FILE...           Check each lexicon file; prints "FILE: ok (N entries)" when valid
  schema                     Print the lexicon JSON Schema, for editor completion and checks

Options:
  -h, --help                 Show this help

Exit codes: 0 all files valid, 2 a usage problem or an invalid file.
`;

export function helpText(topic: HelpTopic): string {
  return { main: MAIN, check: CHECK, lexicon: LEXICON }[topic];
}
