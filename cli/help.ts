import type { HelpTopic } from './args.ts';

const EXIT_CODES =
  'Exit codes: 0 nothing to suggest, 1 suggestions found, 2 a usage or input problem.';

const MAIN = `Usage: alongside <command> [options]

Suggests relational, person-in-context wording for clinical letters and notes.

Commands:
  check [FILE|-]...          Suggest wording in UTF-8 text files, or in text piped to stdin
  audit DIR                  Audit a folder of letters into an HTML report (and a CSV)
  kit                        Print the prompt kit as a page to print or save, or as Markdown
  lexicon validate FILE...   Check lexicon files against the lexicon format
  lexicon convert FILE       Convert a lexicon between JSON and a spreadsheet (CSV)
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
  --reflect                  Also give the whole-letter reflections that fit each file's kind:
                             no way back in, no social context, written about rather than to
                             the person, and the flags by category (never changes the exit code)
  -h, --help                 Show this help

Text output: path:line:column  severity  message  (entry-id), then under it the sentence as the
first suggestion leaves it; with --reflect, "path: reflections" and one line per reflection,
message  (reflection-id); then a summary line.
JSON output: [{ "file", "kind", "findings": [{ entryId, category, severity, start, end, line,
column, match, message, suggestions, replacements: [{ start, end, text }], advice? }] }]; one
replacement per suggestion, in order; line and column are 1-based; start, end and columns are
UTF-16 offsets into the input. With --reflect, each file also has
"reflections": [{ id, message }].

Files are checked and reported one at a time, in the order given; an input over 50 MB is
refused. A file that cannot be read gets one line on stderr, the others are still checked (the
JSON array is still complete) and the exit code is 2.

${EXIT_CODES}
`;

const LEXICON = `Usage: alongside lexicon validate FILE...
       alongside lexicon convert FILE --to json|csv [--out FILE]
       alongside lexicon schema

  validate FILE...           Check each lexicon file; prints "FILE: ok (N entries)" when valid
  convert FILE               Read a JSON/JSONC or CSV lexicon (by its extension, or else its
                             content), check it as validate does, and write it as --to says
  schema                     Print the lexicon JSON Schema, for editor completion and checks

Options:
  --to json|csv              convert: the format to write
  --out FILE                 convert: write to FILE (default: stdout); nothing is written if
                             the lexicon has a problem
  -h, --help                 Show this help

Exit codes: 0 all files valid, 2 a usage problem or an invalid file.
`;

const KIT = `Usage: alongside kit [options]

Prints the clinician prompt kit in force (the built-in kit, with each --lexicon layer's own
prompts laid over it): consultation prompts, letter scaffolds and community routes, with their
sources. The HTML page works offline (it loads nothing) and prints on A4, or as an A6 pocket card.

Options:
  --format html|md           A self-contained page (default) or Markdown
  --lexicon FILE             Add a lexicon layer (its "prompts" section); repeat for more layers
  --no-default-lexicon       Use only the --lexicon files (at least one is needed)
  --locale en-GB|en-US       Wording (default: en-GB)
  --out FILE                 Write to FILE (default: stdout)
  -h, --help                 Show this help

Exit codes: 0 printed, 2 a usage problem or an invalid lexicon.
`;

const AUDIT = `Usage: alongside audit [options] DIR

Checks every letter in DIR and the folders inside it (.txt, .md, .html, .htm and .docx; hidden
folders, node_modules and links that lead out of DIR are passed over) and writes a report of
the suggestions: totals by category and by entry, the letters with the most, and each one in
its sentence, with the sentence as the first suggestion would leave it, and each letter's
whole-letter reflections (as check --reflect gives them), counted per reflection. The report is
one HTML file that loads nothing and works offline.

Options:
  --out FILE                 Where the HTML report goes (default: alongside-audit.html)
  --csv FILE                 Also write one CSV row per suggestion: file, line, column, entryId,
                             category, severity, match, message, firstSuggestion,
                             correctedSentence
  --lexicon FILE             Add a lexicon layer after the default one; repeat for more layers
  --no-default-lexicon       Use only the --lexicon files (at least one is needed)
  --locale en-GB|en-US       Wording of messages and suggestions (default: en-GB)
  --kind KIND                letter-to-patient, letter-to-gp, clinical-note or auto (default:
                             auto, detected per letter)
  -h, --help                 Show this help

Web pages are read through html-to-text and Word documents through mammoth; their lines and
columns count in the text taken from them. Progress and a summary go to stderr. A file that
cannot be read or converted gets one line on stderr and in the report, the others are still
audited, and the exit code is 2.

${EXIT_CODES}
`;

export function helpText(topic: HelpTopic): string {
  return { main: MAIN, check: CHECK, lexicon: LEXICON, audit: AUDIT, kit: KIT }[topic];
}
