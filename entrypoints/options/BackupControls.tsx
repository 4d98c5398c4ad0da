import { useState } from 'preact/hooks';
import { OptionsDialog } from '../../components/OptionsDialog';
import { call } from '../../lib/ui/runtime-client';
import { downloadText } from './download';

/**
 * A backup of everything (every dataset with its switch, place and edits, the subscriptions and the
 * settings) as one file, and restoring one, which replaces everything after the user confirms.
 */
export function BackupControls({ onChanged }: { onChanged(): void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [file, setFile] = useState<File | null>(null);

  async function backUp(): Promise<void> {
    setBusy(true);
    try {
      const exported = await call('exportBackup', {});
      const parts: string[] = [];
      for (let index = 0; index < exported.parts; index++) parts.push((await call('exportPart', { token: exported.token, index })).text);
      downloadText(exported.filename, parts);
      setMessage({ text: `Saved ${exported.filename}.` });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  }

  async function restore(chosen: File): Promise<void> {
    setFile(null);
    setBusy(true);
    const url = URL.createObjectURL(chosen);
    try {
      const result = await call('restoreBackup', { source: { kind: 'blob', name: chosen.name.slice(0, 300), url } });
      if (result.ok) {
        setMessage({
          text: `Restored ${result.datasets} dataset${result.datasets === 1 ? '' : 's'} and the settings from ${chosen.name}.`,
        });
        onChanged();
      } else {
        const first = result.problems[0];
        setMessage({ text: `${result.message}${first ? ` (${first.path}: ${first.message})` : ''}`, error: true });
      }
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      URL.revokeObjectURL(url);
      setBusy(false);
    }
  }

  return (
    <div class="backup" aria-labelledby="backup-heading" role="group">
      <h3 id="backup-heading">Backup</h3>
      <div class="button-row">
        <button type="button" disabled={busy} onClick={() => void backUp()}>
          Back up everything
        </button>
        <label class="inline">
          Restore a backup
          <input
            type="file"
            accept="application/json,.json"
            data-testid="restore-file"
            disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              if (input.files?.[0]) setFile(input.files[0]);
              input.value = '';
            }}
          />
        </label>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'success'} data-testid="backup-message">
          {message.text}
        </p>
      )}
      {file && (
        <OptionsDialog title="Restore this backup?" onClose={() => setFile(null)}>
          <p>
            Everything Backstory holds now (every dataset, your edits, subscriptions and settings) is replaced by the content of {file.name}
            .
          </p>
          <div class="button-row">
            <button type="button" class="danger" onClick={() => void restore(file)}>
              Restore
            </button>
            <button type="button" onClick={() => setFile(null)}>
              Cancel
            </button>
          </div>
        </OptionsDialog>
      )}
    </div>
  );
}
