// retext-equality as a whole process, for bench/cli.bench.ts to time beside `alongside check`:
// `node bench/retext-cli.mjs FILE...` reads each file, checks it as bench/retext-equality.ts
// does (the English parser and the equality plugin, as alex runs them on plain text) and prints
// one line per message, as a command-line checker would.
import { readFile } from 'node:fs/promises';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { VFile } from 'vfile';

const processor = retext().use(retextEnglish).use(retextEquality).freeze();
const lines = [];
for (const path of process.argv.slice(2)) {
  const file = new VFile({ path, value: await readFile(path, 'utf8') });
  processor.runSync(processor.parse(file), file);
  for (const message of file.messages)
    lines.push(`${path}:${message.line}:${message.column}  ${message.reason}`);
}
process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
process.exitCode = lines.length ? 1 : 0;
