import { useEffect, useState } from 'preact/hooks';
import { KIND_LABEL } from '../../components/format';
import { OptionsDialog } from '../../components/OptionsDialog';
import type { DataOverview } from '../../lib/db/browse';
import { call } from '../../lib/ui/runtime-client';
import { downloadText } from './download';
import { StorageInfo } from './StorageInfo';

export interface DataPanelProps {
  overview: DataOverview | null;
  error: string | null;
  onChanged(): void;
}

/** The loaded dataset, export, and reset to the bundled dataset. */
export function DataPanel({ overview, error, onChanged }: DataPanelProps) {
  const [resetting, setResetting] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const editCount = overview ? overview.edits.changed + overview.edits.added + overview.edits.deleted : 0;

  async function exportData(what: 'full' | 'edits'): Promise<void> {
    setBusy(true);
    try {
      const file = await call('exportData', { what });
      const parts: string[] = [];
      for (let index = 0; index < file.parts; index++) parts.push((await call('exportPart', { token: file.token, index })).text);
      downloadText(file.filename, parts);
      setMessage({ text: `Saved ${file.filename}.` });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function reset(keepEdits: boolean): Promise<void> {
    setResetting(false);
    setBusy(true);
    try {
      const result = await call('resetToBundled', { keepEdits });
      setMessage(
        result.ok
          ? {
              text: `Back to the bundled dataset (${result.info.version}).${keepEdits && editCount ? ` ${result.editsKept} local edits kept.` : ''}`,
            }
          : { text: result.message, error: true },
      );
      onChanged();
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="dataset-heading" class="panel">
      <h2 id="dataset-heading">Loaded dataset</h2>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {overview ? (
        <dl class="info" data-testid="dataset-info">
          <dt>Title</dt>
          <dd data-testid="dataset-title">{overview.info.title}</dd>
          <dt>Version</dt>
          <dd data-testid="dataset-version">{overview.info.version}</dd>
          <dt>Entities</dt>
          <dd data-testid="dataset-count">{overview.info.entityCount}</dd>
          <dt>By kind</dt>
          <dd>
            {(Object.keys(overview.info.counts) as Array<keyof typeof overview.info.counts>)
              .map((kind) => `${KIND_LABEL[kind]}: ${overview.info.counts[kind]}`)
              .join(' · ')}
          </dd>
          <dt>Source</dt>
          <dd>
            {overview.origin === 'bundled' ? 'Bundled with Backstory' : 'Imported'}, loaded {new Date(overview.loadedAt).toLocaleString()}
          </dd>
          <dt>Your local edits</dt>
          <dd data-testid="edit-count">
            {editCount === 0
              ? 'None'
              : `${overview.edits.changed} edited, ${overview.edits.added} added, ${overview.edits.deleted} deleted`}
          </dd>
        </dl>
      ) : (
        !error && <p class="muted">Loading…</p>
      )}
      <div class="button-row">
        <button type="button" disabled={busy || !overview} onClick={() => void exportData('full')}>
          Export the full dataset
        </button>
        <button type="button" disabled={busy || !overview} onClick={() => void exportData('edits')}>
          Export only my edits
        </button>
        <button type="button" disabled={busy || !overview} onClick={() => setResetting(true)}>
          Reset to the bundled dataset…
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'success'} data-testid="data-message">
          {message.text}
        </p>
      )}
      {resetting && <ResetDialog editCount={editCount} onReset={(keep) => void reset(keep)} onClose={() => setResetting(false)} />}
      <StorageInfo refresh={overview} />
    </section>
  );
}

function ResetDialog({ editCount, onReset, onClose }: { editCount: number; onReset(keepEdits: boolean): void; onClose(): void }) {
  const [keep, setKeep] = useState(true);
  return (
    <OptionsDialog title="Reset to the bundled dataset?" onClose={onClose}>
      <p>The dataset that came with Backstory replaces the one loaded now.</p>
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

export function useOverview(dataVersion: number): { overview: DataOverview | null; error: string | null } {
  const [overview, setOverview] = useState<DataOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('getDataOverview', {}).then(
      (result) => (setOverview(result), setError(null)),
      (e: Error) => setError(e.message),
    );
  }, [dataVersion]);
  return { overview, error };
}
