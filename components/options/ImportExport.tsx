import { useState } from 'preact/hooks';
import type { Lexicon } from '@/core/index';
import { lexiconAsWritten, lexiconToCsv } from '@/core/lexicon/csv';
import { readLayerFile } from '@/core/lexicon/read-layer-file';
import { kitChanges } from '@/core/kit/kit-view';
import { mergeKits } from '@/core/kit/merge-kit';
import { layersBibliography, mergeLayers, resolveRefs } from '@/core/lexicon/merge-layers';
import type { SourceRef } from '@/core/lexicon/schema';
import type { Locale } from '@/core/lexicon/schema';
import { optionsMessages } from '@/locales/index';
import type { OptionsWords } from './layer-label';
import { download } from '../download';

/** What an import would do to the personal layer, shown before anything is stored. */
export interface ImportPreview {
  file: string;
  layer?: Lexicon;
  added: string[];
  changed: string[];
  removed: string[];
  /** Entries below the file switches off that are on now, and the other way round. */
  switchedOff: string[];
  switchedOn: string[];
  /** What it does to the prompt kit, a line each ("Prompt added: peer-group"). */
  kit: string[];
  errors: string[];
}

const ids = (l: Lexicon) => [...l.entries, ...(l.patches ?? [])].map((e) => e.id);

/** Reads an imported file (JSON, JSONC or CSV) as a personal layer over `below`, and compares. */
export function previewImport(
  file: string,
  text: string,
  below: readonly Lexicon[],
  current: Lexicon,
): ImportPreview {
  const read = readLayerFile(file, text, below);
  const layer = read.layer;
  const errors = read.errors ?? [];
  if (!layer) {
    return {
      file,
      added: [],
      changed: [],
      removed: [],
      switchedOff: [],
      switchedOn: [],
      kit: [],
      errors,
    };
  }
  const before = new Map(
    [...current.entries, ...(current.patches ?? [])].map((e) => [e.id, JSON.stringify(e)]),
  );
  const after = [...layer.entries, ...(layer.patches ?? [])];
  return {
    file,
    layer,
    added: after.filter((e) => !before.has(e.id)).map((e) => e.id),
    changed: after
      .filter((e) => before.has(e.id) && before.get(e.id) !== JSON.stringify(e))
      .map((e) => e.id),
    removed: ids(current).filter((id) => !after.some((e) => e.id === id)),
    switchedOff: (layer.disable ?? []).filter((id) => !current.disable?.includes(id)),
    switchedOn: (current.disable ?? []).filter((id) => !layer.disable?.includes(id)),
    kit: kitChanges(
      current.prompts,
      layer.prompts,
      below.map((l) => l.prompts),
    ),
    errors: [],
  };
}

/**
 * Everything in force as one lexicon: the entries every layer leaves switched on, and the prompt
 * kit in force, its sources written out (so the file needs no bibliography of its own).
 */
export function effectiveLexicon(layers: readonly Lexicon[]): Lexicon {
  const merged = mergeLayers(layers);
  const { kit } = mergeKits(layers.map((l) => l.prompts));
  const bibliography = layersBibliography(layers);
  const withSources = <T extends { sources?: SourceRef[] }>(x: T): T =>
    x.sources ? { ...x, sources: resolveRefs(x.sources, bibliography) } : x;
  return {
    name: 'Alongside lexicon in force',
    version: new Date().toISOString().slice(0, 10),
    entries: merged.entries.map(({ entry }) => entry),
    allow: merged.allow,
    prompts: {
      sections: kit.sections.map(withSources),
      items: kit.items.map(withSources),
      reflections: kit.reflections.map(withSources),
    },
  };
}

/**
 * "2 added, 1 changed, 0 removed, 1 switched off; 3 changes to the prompt kit. Your changes will
 * be replaced by the file’s." The counts of entries are a list; the kit's come after a semicolon.
 */
function importSummary(preview: ImportPreview, m: OptionsWords): string {
  const entries = [
    m.importAdded({ count: preview.added.length }),
    m.importChanged({ count: preview.changed.length }),
    m.importRemoved({ count: preview.removed.length }),
    ...(preview.switchedOff.length > 0
      ? [m.importSwitchedOff({ count: preview.switchedOff.length })]
      : []),
    ...(preview.switchedOn.length > 0
      ? [m.importSwitchedOn({ count: preview.switchedOn.length })]
      : []),
  ].join(', ');
  const kit =
    preview.kit.length > 0 ? `; ${m.importKitChanges({ count: preview.kit.length })}` : '';
  return m.importReplaces({ changes: `${entries}${kit}` });
}

export function ImportExport({
  below,
  personal,
  service,
  locked,
  onApply,
  locale,
}: {
  below: readonly Lexicon[];
  personal: Lexicon;
  service: Lexicon | undefined;
  locked: boolean;
  onApply: (layer: Lexicon) => Promise<boolean>;
  locale: Locale;
}) {
  const m = optionsMessages(locale);
  const [preview, setPreview] = useState<ImportPreview>();
  const exportAs = (what: string, lexicon: Lexicon, format: 'json' | 'csv') => {
    const file = lexiconAsWritten(lexicon);
    if (format === 'json') {
      download(`${what}.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    } else download(`${what}.csv`, lexiconToCsv(file), 'text/csv');
  };
  const layers = [...below, ...(locked ? [] : [personal])];

  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">{m.filesHeading}</h2>
      <div class="buttons">
        {(['json', 'csv'] as const).map((format) => (
          <span key={format} class="buttons">
            {!locked && (
              <button
                type="button"
                onClick={() => exportAs('alongside-my-changes', personal, format)}
              >
                {m.exportMine({ format: format.toUpperCase() })}
              </button>
            )}
            {service && (
              <button
                type="button"
                onClick={() => exportAs('alongside-service-lexicon', service, format)}
              >
                {m.exportService({ format: format.toUpperCase() })}
              </button>
            )}
            <button
              type="button"
              onClick={() => exportAs('alongside-lexicon', effectiveLexicon(layers), format)}
            >
              {m.exportInForce({ format: format.toUpperCase() })}
            </button>
          </span>
        ))}
      </div>
      {!locked && (
        <p>
          <label>
            {m.importLabel}{' '}
            <input
              type="file"
              accept=".json,.jsonc,.csv,application/json,text/csv"
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (!file) return;
                void file
                  .text()
                  .then((text) => setPreview(previewImport(file.name, text, below, personal)));
              }}
            />
          </label>
        </p>
      )}
      {preview && (
        <div class="preview" role="region" aria-label={m.importRegion}>
          <h3>{preview.file}</h3>
          {preview.errors.length > 0 ? (
            <>
              <p>{m.importNeedsFixes}</p>
              <ul class="errors">
                {preview.errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
              <button type="button" onClick={() => setPreview(undefined)}>
                {m.closePreview}
              </button>
            </>
          ) : (
            <>
              <p class="summary">{importSummary(preview, m)}</p>
              <ul>
                {preview.added.map((id) => (
                  <li key={`a${id}`}>{m.addedId({ id })}</li>
                ))}
                {preview.changed.map((id) => (
                  <li key={`c${id}`}>{m.changedId({ id })}</li>
                ))}
                {preview.removed.map((id) => (
                  <li key={`r${id}`}>{m.removedId({ id })}</li>
                ))}
                {preview.switchedOff.map((id) => (
                  <li key={`o${id}`}>{m.switchedOffId({ id })}</li>
                ))}
                {preview.switchedOn.map((id) => (
                  <li key={`n${id}`}>{m.switchedOnId({ id })}</li>
                ))}
                {preview.kit.map((line) => (
                  <li key={`k${line}`}>{line}</li>
                ))}
              </ul>
              <div class="buttons">
                <button
                  type="button"
                  onClick={() =>
                    void onApply(preview.layer!).then((done) => done && setPreview(undefined))
                  }
                >
                  {m.applyImport}
                </button>
                <button type="button" onClick={() => setPreview(undefined)}>
                  {m.cancel}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
