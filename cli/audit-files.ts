import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

/** The kinds of letter an audit reads, by file extension (in any case: `.TXT` too). */
export const LETTER_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.docx'] as const;

export function isLetterName(name: string): boolean {
  return (LETTER_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** A path the audit found but did not read, and why, for the report and stderr. */
export interface PassedOver {
  file: string;
  problem: string;
}

export interface FoundLetters {
  /** Paths to audit, sorted, each as DIR joined with its place inside it. */
  letters: string[];
  /** Folders that could not be listed and links to nothing: the run ends with exit 2. */
  unreadable: PassedOver[];
  /** Links that lead out of DIR: never followed, so an audit reads only what is in DIR. */
  outside: PassedOver[];
}

const FOLDER_ERRORS: Record<string, string> = {
  EACCES: 'folder cannot be read (permission denied)',
  EPERM: 'folder cannot be read (permission denied)',
  EIO: 'folder cannot be read (an input/output error)',
};

/** Code-unit order: the same on every machine, unlike a locale's collation. */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every letter in `dir` and the folders inside it. Hidden files and folders (a leading dot) and
 * node_modules are passed over: they hold tools' files, not letters. A link is followed only
 * when it leads somewhere inside `dir`, and a file reached twice (through a link) is audited
 * once. `exclude` holds real paths never to audit, such as the report being written.
 */
export function findLetters(dir: string, exclude: ReadonlySet<string> = new Set()): FoundLetters {
  const root = realpathSync(dir);
  const inside = (real: string) => {
    const rel = relative(root, real);
    // "..notes" is a name inside it; ".." or "../…" leads out.
    return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  const found = new Map<string, string>();
  const unreadable: PassedOver[] = [];
  const outside: PassedOver[] = [];
  const visited = new Set<string>();
  // Links are followed after the folders themselves, so a letter reached both ways is listed
  // where it really is.
  const links: { path: string; name: string }[] = [];

  const addLetter = (path: string, real: string) => {
    if (!exclude.has(real) && !found.has(real)) found.set(real, path);
  };

  const visitFolder = (path: string, real: string) => {
    // A link back up the tree would otherwise be walked for ever.
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      unreadable.push({ file: path, problem: FOLDER_ERRORS[code] ?? 'folder cannot be read' });
      return;
    }
    entries.sort((a, b) => byPath(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childPath = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visitFolder(childPath, join(real, entry.name));
      } else if (entry.isFile()) {
        if (isLetterName(entry.name)) addLetter(childPath, join(real, entry.name));
      } else if (entry.isSymbolicLink()) {
        links.push({ path: childPath, name: entry.name });
      }
    }
  };

  const visitLink = (path: string, name: string) => {
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      // A link to nothing matters only where it stands for a letter.
      if (isLetterName(name)) unreadable.push({ file: path, problem: 'is a link to nothing' });
      return;
    }
    let stat;
    try {
      stat = statSync(target);
    } catch {
      if (isLetterName(name)) unreadable.push({ file: path, problem: 'cannot be read' });
      return;
    }
    const letter = stat.isFile() && isLetterName(name);
    if (!letter && !(stat.isDirectory() && name !== 'node_modules')) return;
    if (!inside(target)) {
      outside.push({
        file: path,
        problem: 'is a link to somewhere outside the folder; not audited',
      });
    } else if (letter) addLetter(path, target);
    else visitFolder(path, target);
  };

  visitFolder(dir, root);
  for (let link = links.shift(); link; link = links.shift()) visitLink(link.path, link.name);
  return { letters: [...found.values()].sort(byPath), unreadable, outside };
}
