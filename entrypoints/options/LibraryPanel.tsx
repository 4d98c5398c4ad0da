import { useEffect, useState } from 'preact/hooks';
import { OptionsDialog } from '../../components/OptionsDialog';
import type { DatasetInfo } from '../../lib/db/commit';
import type { Library, LibraryEntry } from '../../lib/db/library';
import { call } from '../../lib/ui/runtime-client';
import { downloadText } from './download';
import { BackupControls } from './BackupControls';
import { StorageInfo } from './StorageInfo';

export interface LibraryPanelProps {
  library: Library | null;
  error: string | null;
  onChanged(): void;
}

const SOURCE_LABEL: Record<DatasetInfo['source'], string> = {
  bundled: 'Bundled with Backstory',
  file: 'Imported from a file',
  url: 'Subscribed URL',
};

type Message = { text: string; error?: boolean };

/** The library of datasets: each with its switch, place in the order, export and removal. */
export function LibraryPanel({ library, error, onChanged }: LibraryPanelProps) {
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<LibraryEntry | null>(null);
  const [resetting, setResetting] = useState<LibraryEntry | null>(null);

  async function run(action: () => Promise<string>): Promise<void> {
    setBusy(true);
    try {
      setMessage({ text: await action() });
      onChanged();
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function exportData(info: DatasetInfo, what: 'full' | 'edits'): Promise<string> {
    const file = await call('exportData', { dataset: info.id, what });
    const parts: string[] = [];
    for (let index = 0; index < file.parts; index++) parts.push((await call('exportPart', { token: file.token, index })).text);
    downloadText(file.filename, parts);
    return `Saved ${file.filename}.`;
  }

  const datasets = library?.datasets ?? [];
  return (
    <section aria-labelledby="dataset-heading" class="panel">
      <h2 id="dataset-heading">Datasets</h2>
      <p class="muted">
        Every dataset that is on marks pages. Where two give the same name to different entries, the one higher in the list is marked.
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!library && !error && <p class="muted">Loading…</p>}
      {library && datasets.length === 0 && (
        <p data-testid="library-empty">No datasets: import one below, or restore the bundled dataset.</p>
      )}
      <ol class="library" aria-label="Datasets, highest priority first">
        {datasets.map((entry, i) => (
          <LibraryItem
            key={entry.info.id}
            entry={entry}
            first={i === 0}
            last={i === datasets.length - 1}
            busy={busy}
            onToggle={() =>
              void run(async () => {
                const info = await call('setDatasetEnabled', { dataset: entry.info.id, enabled: !entry.info.enabled });
                return `${info.title} is ${info.enabled ? 'on' : 'off'}.`;
              })
            }
            onMove={(direction) =>
              void run(async () => {
                await call('moveDataset', { dataset: entry.info.id, direction });
                return `${entry.info.title} moved ${direction}.`;
              })
            }
            onExport={(what) => void run(() => exportData(entry.info, what))}
            onRemove={() => setRemoving(entry)}
            onReset={() => setResetting(entry)}
          />
        ))}
      </ol>
      {library?.bundledRemoved && (
        <div class="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const info = await call('restoreBundled', {});
                return `${info.title} is back (${info.entityCount} entities).`;
              })
            }
          >
            Restore the bundled dataset
          </button>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'success'} data-testid="data-message">
          {message.text}
        </p>
      )}
      {removing && (
        <RemoveDialog
          entry={removing}
          onClose={() => setRemoving(null)}
          onRemove={() => {
            setRemoving(null);
            void run(async () => {
              await call('removeDataset', { dataset: removing.info.id });
              return removing.info.source === 'bundled'
                ? `${removing.info.title} removed. You can restore it at any time.`
                : `${removing.info.title} removed.`;
            });
          }}
        />
      )}
      {resetting && (
        <ResetDialog
          editCount={editCount(resetting)}
          onClose={() => setResetting(null)}
          onReset={(keepEdits) => {
            setResetting(null);
            void run(async () => {
              const result = await call('resetToBundled', { keepEdits });
              if (!result.ok) throw new Error(result.message);
              const kept = keepEdits && result.editsKept ? ` ${result.editsKept} local edits kept.` : '';
              return `Back to the bundled dataset (${result.info.version}).${kept}`;
            });
          }}
        />
      )}
      <BackupControls onChanged={onChanged} />
      <StorageInfo refresh={library} />
    </section>
  );
}

function editCount(entry: LibraryEntry): number {
  return entry.edits.changed + entry.edits.added + entry.edits.deleted;
}

interface LibraryItemProps {
  entry: LibraryEntry;
  first: boolean;
  last: boolean;
  busy: boolean;
  onToggle(): void;
  onMove(direction: 'up' | 'down'): void;
  onExport(what: 'full' | 'edits'): void;
  onRemove(): void;
  onReset(): void;
}

function LibraryItem({ entry, first, last, busy, onToggle, onMove, onExport, onRemove, onReset }: LibraryItemProps) {
  const { info } = entry;
  const edits = editCount(entry);
  const headingId = `dataset-${info.id}`;
  return (
    <li class={`library-item${info.enabled ? '' : ' off'}`} data-testid="library-item" data-id={info.id} aria-labelledby={headingId}>
      <div class="library-head">
        <h3 id={headingId} data-testid="dataset-title">
          {info.title}
        </h3>
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={info.enabled}
          aria-label={`Mark ${info.title} on pages`}
          disabled={busy}
          onClick={onToggle}
        >
          {info.enabled ? 'On' : 'Off'}
        </button>
      </div>
      <dl class="info">
        <dt>Publisher</dt>
        <dd>{info.publisher}</dd>
        <dt>Version</dt>
        <dd data-testid="dataset-version">{info.version}</dd>
        <dt>Source</dt>
        <dd>{SOURCE_LABEL[info.source]}</dd>
        <dt>Entities</dt>
        <dd data-testid="dataset-count">{info.entityCount}</dd>
        <dt>Last update</dt>
        <dd>{new Date(info.loadedAt).toLocaleString()}</dd>
        <dt>Your local edits</dt>
        <dd data-testid="edit-count">
          {edits === 0 ? 'None' : `${entry.edits.changed} edited, ${entry.edits.added} added, ${entry.edits.deleted} deleted`}
        </dd>
      </dl>
      {entry.pendingUpdates > 0 && (
        <p class="notice" role="status">
          An update from its subscription is waiting for your review (see Subscriptions below).
        </p>
      )}
      <div class="button-row">
        <button type="button" disabled={busy || first} onClick={() => onMove('up')}>
          Move up
          <Named title={info.title} />
        </button>
        <button type="button" disabled={busy || last} onClick={() => onMove('down')}>
          Move down
          <Named title={info.title} />
        </button>
        <button type="button" disabled={busy} onClick={() => onExport('full')}>
          Export the full dataset
          <Named title={info.title} />
        </button>
        <button type="button" disabled={busy} onClick={() => onExport('edits')}>
          Export only my edits
          <Named title={info.title} />
        </button>
        {info.source === 'bundled' && (
          <button type="button" disabled={busy} onClick={onReset}>
            Reset to the bundled dataset…
          </button>
        )}
        <button type="button" class="danger" disabled={busy} onClick={onRemove}>
          Remove
          <Named title={info.title} />…
        </button>
      </div>
    </li>
  );
}

/** The dataset's title in a button's name, for screen readers (the list item already shows it). */
function Named({ title }: { title: string }) {
  return <span class="visually-hidden">: {title}</span>;
}

/** What a removal takes with the dataset: the reader's own edits and corrections (both in its edits export). */
function removedWith(edits: number, corrections: number): string {
  const parts = [
    ...(edits ? [`${edits} local edit${edits === 1 ? '' : 's'}`] : []),
    ...(corrections ? [`${corrections} correction${corrections === 1 ? '' : 's'} of marks`] : []),
  ];
  if (!parts.length) return '';
  const verb = edits + corrections === 1 ? 'is' : 'are';
  return `, and your ${parts.join(' and ')} to it ${verb} removed with it (export ${edits + corrections === 1 ? 'it' : 'them'} first to keep ${edits + corrections === 1 ? 'it' : 'them'})`;
}

function RemoveDialog({ entry, onRemove, onClose }: { entry: LibraryEntry; onRemove(): void; onClose(): void }) {
  const edits = editCount(entry);
  return (
    <OptionsDialog title={`Remove “${entry.info.title}”?`} onClose={onClose}>
      <p>
        Its {entry.info.entityCount} entities will no longer be marked on pages
        {removedWith(edits, entry.corrections)}
        {entry.subscriptionId ? '; its subscription is removed too' : ''}.
      </p>
      {entry.info.source === 'bundled' && <p>The bundled dataset can be restored at any time.</p>}
      <div class="button-row">
        <button type="button" class="danger" onClick={onRemove}>
          Remove
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </OptionsDialog>
  );
}

function ResetDialog({ editCount, onReset, onClose }: { editCount: number; onReset(keepEdits: boolean): void; onClose(): void }) {
  const [keep, setKeep] = useState(true);
  return (
    <OptionsDialog title="Reset to the bundled dataset?" onClose={onClose}>
      <p>The bundled dataset goes back to the version that came with Backstory. Other datasets are not touched.</p>
      {editCount > 0 && (
        <fieldset>
          <legend>Your {editCount} local edits</legend>
          <label>
            <input type="radio" name="keep-edits" checked={keep} onChange={() => setKeep(true)} /> Keep them on top of the bundled data
          </label>
          <label>
            <input type="radio" name="keep-edits" checked={!keep} onChange={() => setKeep(false)} /> Discard them
          </label>
        </fieldset>
      )}
      <div class="button-row">
        <button type="button" class="danger" onClick={() => onReset(editCount > 0 && keep)}>
          Reset
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </OptionsDialog>
  );
}

export function useLibrary(dataVersion: number): { library: Library | null; error: string | null } {
  const [library, setLibrary] = useState<Library | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('getLibrary', {}).then(
      (result) => (setLibrary(result), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, [dataVersion]);
  return { library, error };
}
