/**
 * A compiled lexicon as plain data: numbers, strings and typed arrays, no closures or maps. It is
 * built once (in the extension's background, or when the CLI is bundled) and turned into a
 * matcher cheaply wherever it is needed: a frame receives it instead of compiling the lexicon
 * itself, which took most of a second. Maps the matcher needs are built from it lazily.
 */
import type { Severity } from '../lexicon/schema.ts';

/** Bumped whenever the layout changes: a cached form of another version is compiled afresh. */
export const COMPILED_FORMAT = 2;

/** Context phrases of one list, packed: per phrase its header, check hash and word keys. */
export interface SequenceList {
  /** Per phrase: length (| ACROSS_COLON), check hash, then the words' keys. */
  data: Int32Array;
  clauseStart: boolean;
  clauseEnd: boolean;
  /** Whether any phrase reaches across a colon. */
  colon: boolean;
}

/** Set in a phrase's header when it reaches across a colon (`outcome:`, `: 3 year old`). */
export const ACROSS_COLON = 0x10000;
export const LENGTH_MASK = 0xffff;

export interface ContextData {
  /** How far each rule looks, in words: notPrecededBy, notFollowedBy, onlyPrecededBy, onlyFollowedBy. */
  window: [number, number, number, number];
  /** Upper bound of words compared in one check, for the matcher's work count. */
  cost: number;
  /** Index into `sequences` for each rule, in the same order; -1 where there is none. */
  lists: [number, number, number, number];
}

/** The [context] words before (lead) or after (trail) a phrase's flagged words. */
export interface ZoneData {
  lead: boolean;
  /** Per form: length, check hash, then the words' keys. */
  data: Int32Array;
  /** Where each form starts in `data`. */
  at: Int32Array;
  /** Per form, a byte per word (its group) then a byte per group (the option, plus one). */
  formCodes: Uint8Array;
  formAt: Int32Array;
  /** The form with no words, when the context is optional; -1 otherwise. */
  empty: number;
}

export interface FilterData {
  bits: Uint32Array;
  shift: number;
}

/**
 * Values kept as JSON text, UTF-8, side by side: value k is bytes [at[k], at[k + 1]), parsed only
 * when read. A frame reads a few of a thousand entries: parsing them all would cost more than
 * everything else it does to start.
 */
export interface PackedJson {
  bytes: Uint8Array;
  at: Int32Array;
}

// The core is typed without the DOM or Node; both have these.
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
}
const codecs = globalThis as unknown as TextCodecs;

export function packJson(values: readonly unknown[]): PackedJson {
  const encoder = new codecs.TextEncoder();
  const parts = values.map((v) =>
    encoder.encode(v === null || v === undefined ? '' : JSON.stringify(v)),
  );
  // Offsets in bytes, as UTF-8 lengths differ from string lengths.
  const at = new Int32Array(values.length + 1);
  let offset = 0;
  parts.forEach((part, k) => {
    at[k] = offset;
    offset += part.length;
  });
  at[values.length] = offset;
  const bytes = new Uint8Array(offset);
  parts.forEach((part, k) => bytes.set(part, at[k]!));
  return { bytes, at };
}

/** Reads value k of a pack (null where none was given), parsing it once. */
export function packedReader<T>(packed: PackedJson): (k: number) => T | null {
  const decoder = new codecs.TextDecoder();
  const cache: (T | null | undefined)[] = [];
  return (k) => {
    let value = cache[k];
    if (value === undefined) {
      const from = packed.at[k]!;
      const to = packed.at[k + 1]!;
      value =
        from === to ? null : (JSON.parse(decoder.decode(packed.bytes.subarray(from, to))) as T);
      cache[k] = value;
    }
    return value;
  };
}

export interface CompiledLexicon {
  format: typeof COMPILED_FORMAT;
  /** The personal allow-list silences only layers below this one (-1: every layer). */
  allowBelowLayer: number;
  /** Each entry in force (sources resolved): read only when it makes a finding. */
  entries: PackedJson;
  /** The sources entries cite, each once: an entry's `sources` are indices into these. */
  sources: PackedJson;
  entryLayer: Int32Array;
  entrySeverity: Int8Array;
  /** Bit per document kind the entry applies to (DOCUMENT_KINDS order); 0 for every kind. */
  entryKinds: Int8Array;
  entrySpecific: Uint8Array;
  entryCaseSensitive: Uint8Array;
  /** Index into `contexts`, or -1. */
  entryContext: Int32Array;
  /** The built-in detector each entry switches on ("" for none). */
  entryDetect: string[];
  contexts: ContextData[];
  sequences: SequenceList[];
  zones: ZoneData[];
  /** Per phrase: its entry (-1 for an allow-list phrase), and its lead and trail zones (-1). */
  phraseEntry: Int32Array;
  phraseLead: Int32Array;
  phraseTrail: Int32Array;
  /** Each group's options per phrase, string[][] (null for a phrase with no groups). */
  phraseOptions: PackedJson;
  /** The forms as written, string[], for case-sensitive entries (null otherwise). */
  phraseSurface: PackedJson;
  trie: {
    table: Int32Array;
    bits: Uint32Array;
    parentOfSome: Uint8Array;
    /** Terminals of node n are [termAt[n], termAt[n + 1]). */
    termAt: Int32Array;
    firstKeyCount: number;
  };
  /** Per terminal: its phrase, check hash, word count, word-class bits and form (-1 for none). */
  termPhrase: Int32Array;
  termCheck: Int32Array;
  termLength: Uint8Array;
  termClassMask: Int32Array;
  termFormAt: Int32Array;
  /** The forms' codes, as in a zone: a byte per word (its group), then per group its option + 1. */
  termFormCodes: Uint8Array;
  /** Word classes, packed: class key, member count, members… */
  classes: Int32Array;
  firstWords: FilterData;
  singleWords: FilterData;
  wordPairs: FilterData;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, suggest: 1, warn: 2 };

type Typed = Int32Array | Uint32Array | Int8Array | Uint8Array;
const TYPES = { i32: Int32Array, u32: Uint32Array, i8: Int8Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES;
const typeName = (a: Typed): TypeName =>
  a instanceof Int32Array
    ? 'i32'
    : a instanceof Uint32Array
      ? 'u32'
      : a instanceof Int8Array
        ? 'i8'
        : 'u8';

/** A compiled lexicon as JSON-safe data (extension messages and storage are JSON): its typed
 * arrays side by side in one base64 string, each replaced by where it lies. */
export interface EncodedLexicon {
  format: typeof COMPILED_FORMAT;
  binary: string;
  /** The rest, with each typed array as { $: type, at: byte offset, n: length }. */
  data: unknown;
}

interface ArrayRef {
  $: TypeName;
  at: number;
  n: number;
}

export class CompiledFormatError extends Error {}

/**
 * The compiled lexicon split in two: its typed arrays side by side in one buffer, and the rest
 * as JSON-safe data where each array is replaced by where it lies. A file can hold the bytes as
 * they are (the CLI's), a message as base64 (the extension's).
 */
export interface CompiledParts {
  data: unknown;
  bytes: Uint8Array;
}

export function compiledParts(compiled: CompiledLexicon): CompiledParts {
  const arrays: Typed[] = [];
  let size = 0;
  const data = JSON.parse(
    JSON.stringify(compiled, (_key, value: unknown) => {
      if (ArrayBuffer.isView(value)) {
        const a = value as Typed;
        // Each array starts on a multiple of 4 bytes, so it can be viewed in place.
        const ref: ArrayRef = { $: typeName(a), at: size, n: a.length };
        arrays.push(a);
        size += Math.ceil(a.byteLength / 4) * 4;
        return ref;
      }
      return value;
    }),
  ) as unknown;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += Math.ceil(a.byteLength / 4) * 4;
  }
  return { data, bytes };
}

/** The lexicon back from its parts; `bytes` must start on a multiple of 4 in its buffer. */
export function fromParts({ data, bytes }: CompiledParts): CompiledLexicon {
  if ((data as { format?: unknown } | null)?.format !== COMPILED_FORMAT) {
    throw new CompiledFormatError('not a compiled lexicon of this version');
  }
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const revive = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(revive);
    if (value === null || typeof value !== 'object') return value;
    const ref = value as Partial<ArrayRef>;
    if (typeof ref.$ === 'string' && ref.$ in TYPES) {
      return new TYPES[ref.$](bytes.buffer as ArrayBuffer, bytes.byteOffset + ref.at!, ref.n!);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = revive(v);
    return out;
  };
  return revive(data) as CompiledLexicon;
}

export function encodeCompiled(compiled: CompiledLexicon): EncodedLexicon {
  const { data, bytes } = compiledParts(compiled);
  return { format: COMPILED_FORMAT, binary: toBase64(bytes), data };
}

export function decodeCompiled(encoded: EncodedLexicon): CompiledLexicon {
  if (encoded?.format !== COMPILED_FORMAT || typeof encoded.binary !== 'string') {
    throw new CompiledFormatError('not a compiled lexicon of this version');
  }
  return fromParts({ data: encoded.data, bytes: fromBase64(encoded.binary) });
}

// Uint8Array.fromBase64/toBase64 are native in current Chromium and Firefox (and fast); Node 20
// has Buffer; older browsers get atob/btoa.
interface Base64Native {
  fromBase64?: (s: string) => Uint8Array;
}
interface BufferLike {
  from(data: string | Uint8Array, encoding?: string): Uint8Array & { toString(e: string): string };
}
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
// The core is typed without the DOM; browsers and Node both have these.
const { atob, btoa } = globalThis as unknown as {
  atob: (s: string) => string;
  btoa: (s: string) => string;
};

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  if (NodeBuffer) return NodeBuffer.from(bytes).toString('base64');
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as Base64Native).fromBase64;
  // A fresh, 4-byte-aligned buffer either way, so typed arrays can view it in place.
  if (native) return native(text);
  if (NodeBuffer) {
    // Copied: a Buffer may sit at any offset in a shared pool.
    return new Uint8Array(NodeBuffer.from(text, 'base64'));
  }
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
