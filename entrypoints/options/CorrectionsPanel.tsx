import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { OptionsDialog } from '../../components/OptionsDialog';
import { correctionMatches, describeCorrection, placeOf } from '../../lib/corrections/describe';
import type { CorrectionView } from '../../lib/db/corrections';
import { call } from '../../lib/ui/runtime-client';

/** Rows shown at first, and added by each "Show more": thousands of rows would make the page slow to use. */
const STEP = 100;

export interface CorrectionsPanelProps {
  /** Changes whenever the data changes elsewhere on the page (an import, a removal, a restore). */
  dataVersion: number;
  onChanged(): void;
}

/**
 * The reader's corrections of marks (made from the card: "Not this", "Don't mark …"), newest first:
 * what each hides and where, and a way to take each one back, or all of them.
 */
export function CorrectionsPanel({ dataVersion, onChanged }: CorrectionsPanelProps) {
  const [all, setAll] = useState<CorrectionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(STEP);
  const [confirmAll, setConfirmAll] = useState(false);
  /** After a row goes, the row whose button takes the focus (the one that moved into its place). */
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = () =>
    call('listCorrections', {}).then(
      (list) => (setAll(list), setError(null)),
      (e: Error) => setError(`The corrections could not be read: ${e.message}`),
    );
  useEffect(() => void reload(), [dataVersion]);
  // Corrections are made on news pages: coming back to this tab shows the ones made meanwhile.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  useEffect(() => setLimit(STEP), [query]);

  const found = useMemo(() => (all ?? []).filter((correction) => correctionMatches(correction, query)), [all, query]);
  const shown = found.slice(0, limit);

  useEffect(() => {
    if (focusRow === null || !all) return;
    setFocusRow(null);
    const buttons = table.current?.querySelectorAll<HTMLButtonElement>('tbody button');
    const next = buttons?.[Math.min(focusRow, buttons.length - 1)];
    (next ?? heading.current)?.focus();
  }, [all]);

  async function takeBack(ids: string[], done: (removed: number) => string, row: number | null): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const { removed } = await call('removeCorrections', { ids });
      setStatus(done(removed));
      setFocusRow(row ?? 0);
      onChanged();
    } catch (e) {
      setError(`Nothing was taken back: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const total = all?.length ?? 0;
  return (
    <section aria-labelledby="corrections-heading" class="panel corrections">
      <h2 id="corrections-heading" ref={heading} tabIndex={-1}>
        Corrections of marks
      </h2>
      <p class="muted">
        When a mark is wrong, its card lets you say so (“Not this” on this page, this site or everywhere, or “Don’t mark …”): Backstory then
        leaves those marks out. Each correction is listed here; take one back and its marks return. They are saved with the local edits of
        their dataset when you export those, and in a backup.
      </p>
      <p class="visually-hidden" role="status" data-testid="corrections-status">
        {status}
      </p>
      {error && (
        <p role="alert" class="error" data-testid="corrections-error">
          {error}
        </p>
      )}
      {all === null && !error && <p class="muted">Loading the corrections…</p>}
      {all !== null && total === 0 && (
        <p data-testid="corrections-empty">
          No corrections yet. A correction you make from a card on a news page is listed here, and you can take it back.
        </p>
      )}
      {total > 0 && (
        <>
          <div class="corrections-toolbar">
            <label>
              Find corrections
              <input
                type="search"
                value={query}
                placeholder="Entity, words, page or site…"
                onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
              />
            </label>
            <button type="button" class="danger" disabled={busy} onClick={() => setConfirmAll(true)}>
              Take back all
            </button>
          </div>
          <p data-testid="corrections-position" aria-live="polite">
            {found.length === 0
              ? `No correction matches “${query.trim()}”.`
              : `Showing ${shown.length.toLocaleString('en')} of ${found.length.toLocaleString('en')}${query.trim() ? ` found (${total.toLocaleString('en')} in all)` : ''}.`}
          </p>
          {shown.length > 0 && (
            <table class="correction-list" ref={table} aria-labelledby="corrections-heading">
              <thead>
                <tr>
                  <th scope="col">Entity</th>
                  <th scope="col">Marked words</th>
                  <th scope="col">Where</th>
                  <th scope="col">Made</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((correction, row) => (
                  <tr key={correction.id} data-testid="correction" data-id={correction.id}>
                    <th scope="row">
                      {correction.entityName}
                      {!correction.known && ' '}
                      {!correction.known && (
                        <span class="badge gone" data-testid="correction-gone">
                          no longer in your data
                        </span>
                      )}
                    </th>
                    <td>{correction.text === undefined ? <span class="muted">Every mark</span> : `“${correction.text}”`}</td>
                    <td class="where">{placeOf(correction)}</td>
                    <td>
                      <time dateTime={correction.createdAt}>{new Date(correction.createdAt).toLocaleString()}</time>
                    </td>
                    <td>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={`Take back: ${describeCorrection(correction)}`}
                        onClick={() =>
                          void takeBack(
                            [correction.id],
                            () => `Took back the correction of ${correction.entityName}: its marks return.`,
                            row,
                          )
                        }
                      >
                        Take back
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {found.length > shown.length && (
            <div class="pager">
              <button type="button" onClick={() => setLimit(limit + STEP)}>
                Show {Math.min(STEP, found.length - shown.length)} more
              </button>
            </div>
          )}
        </>
      )}
      {confirmAll && all && (
        <OptionsDialog title={`Take back all ${total.toLocaleString('en')} corrections?`} onClose={() => setConfirmAll(false)}>
          <p>Every mark they hide comes back, on every page. To keep a copy first, export the local edits of each dataset or back up.</p>
          <div class="button-row">
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirmAll(false);
                void takeBack(
                  all.map((correction) => correction.id),
                  (removed) => `Took back ${removed.toLocaleString('en')} correction${removed === 1 ? '' : 's'}: their marks return.`,
                  null,
                );
              }}
            >
              Take back all
            </button>
            <button type="button" onClick={() => setConfirmAll(false)}>
              Cancel
            </button>
          </div>
        </OptionsDialog>
      )}
    </section>
  );
}
