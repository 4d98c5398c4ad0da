import type { ConflictItem, DiffItem, Resolution } from '../lib/dataset/diff';
import { jsonEqual } from '../lib/dataset/equal';
import type { DiffSummary } from '../lib/dataset/diff';
import { KIND_LABEL } from './format';

export interface ImportReviewProps {
  subject: string;
  /** The dataset of the library the import goes to. */
  target: { id: string; title: string; isNew: boolean };
  diff: DiffSummary;
  resolutions: Readonly<Record<string, Resolution>>;
  onResolve(id: string, resolution: Resolution): void;
  onResolveAll(resolution: Resolution): void;
  onApply(): void;
  onCancel(): void;
  /** Why the last apply did not go ahead. */
  message?: string | null;
}

const CATEGORIES = [
  ['added', 'Added'],
  ['changed', 'Changed'],
  ['removed', 'Removed'],
] as const;

/** The dry run: counts, expandable lists, and a choice for every conflict with a local edit. */
export function ImportReview({
  subject,
  target,
  diff,
  resolutions,
  onResolve,
  onResolveAll,
  onApply,
  onCancel,
  message,
}: ImportReviewProps) {
  const { counts } = diff;
  // Object.hasOwn: an entity may be called "constructor", which every object has on its prototype.
  const chosen = (id: string) => (Object.hasOwn(resolutions, id) ? resolutions[id] : undefined);
  const unresolved = diff.conflicts.filter((c) => !chosen(c.id)).length + Math.max(0, counts.conflicts - diff.conflicts.length);
  const nothing =
    counts.added + counts.changed + counts.removed + counts.conflicts + counts.absorbedEdits + (counts.corrections ?? 0) === 0;
  return (
    <section class="review" aria-labelledby="review-heading">
      <h3 id="review-heading" tabIndex={-1}>
        Review before importing: {subject}
      </h3>
      <p data-testid="import-target" data-id={target.id}>
        {target.isNew ? `Adds a new dataset to your library: ${target.title}.` : `Updates ${target.title} in your library.`}
      </p>
      <p class="muted">Nothing has changed yet. This is what importing would do.</p>
      <ul class="diff-counts">
        {CATEGORIES.map(([key, label]) => (
          <li key={key}>
            {label}: <strong data-testid={`diff-${key}`}>{counts[key]}</strong>
          </li>
        ))}
        <li>
          Conflicts with your edits: <strong data-testid="diff-conflicts">{counts.conflicts}</strong>
        </li>
        <li>
          Unchanged: <strong data-testid="diff-unchanged">{counts.unchanged}</strong>
        </li>
        {counts.keptEdits > 0 && <li>Your edits kept as they are: {counts.keptEdits}</li>}
        {counts.absorbedEdits > 0 && <li>Your edits already in the new data: {counts.absorbedEdits}</li>}
        {counts.corrections !== undefined && (
          <li>
            Corrections of marks added: <strong data-testid="diff-corrections">{counts.corrections}</strong>
          </li>
        )}
      </ul>
      {nothing && <p>The file holds the same data you have: importing changes nothing.</p>}
      {CATEGORIES.map(([key, label]) =>
        counts[key] > 0 ? <ItemList key={key} label={label} items={diff[key]} total={counts[key]} /> : null,
      )}

      {counts.conflicts > 0 && (
        <section class="conflicts" aria-labelledby="conflicts-heading">
          <h4 id="conflicts-heading">Conflicts with your edits</h4>
          <p>For each entity you edited that this import also changes, choose which version to keep.</p>
          <div class="button-row">
            <button type="button" onClick={() => onResolveAll('mine')}>
              Keep all mine
            </button>
            <button type="button" onClick={() => onResolveAll('theirs')}>
              Take all theirs
            </button>
          </div>
          {diff.conflicts.map((conflict) => (
            <ConflictChoice key={conflict.id} conflict={conflict} choice={chosen(conflict.id)} onResolve={onResolve} />
          ))}
          {counts.conflicts > diff.conflicts.length && (
            <p class="muted">…and {counts.conflicts - diff.conflicts.length} more: use “Keep all mine” or “Take all theirs” for them.</p>
          )}
        </section>
      )}

      {message && (
        <p role="alert" class="error">
          {message}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="primary" onClick={onApply} aria-describedby={unresolved ? 'unresolved-note' : undefined}>
          Apply import
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {unresolved > 0 && (
          <span id="unresolved-note" class="muted">
            {unresolved} conflict{unresolved === 1 ? '' : 's'} still need{unresolved === 1 ? 's' : ''} a choice.
          </span>
        )}
      </div>
    </section>
  );
}

function ItemList({ label, items, total }: { label: string; items: readonly DiffItem[]; total: number }) {
  return (
    <details class="diff-list" data-testid={`diff-list-${label.toLowerCase()}`}>
      <summary>
        {label} ({total})
      </summary>
      <ul tabIndex={0} aria-label={`${label} entities`}>
        {items.map((item) => (
          <li key={item.id}>
            {item.name}{' '}
            <span class="muted">
              · {KIND_LABEL[item.kind]} · {item.id}
            </span>
          </li>
        ))}
      </ul>
      {total > items.length && <p class="muted">…and {total - items.length} more.</p>}
    </details>
  );
}

const UPSTREAM: Record<ConflictItem['upstream'], string> = { added: 'adds it', changed: 'changes it', removed: 'removes it' };
const LOCAL: Record<ConflictItem['local'], string> = { added: 'you added it', changed: 'you edited it', deleted: 'you deleted it' };

function ConflictChoice({
  conflict,
  choice,
  onResolve,
}: {
  conflict: ConflictItem;
  choice: Resolution | undefined;
  onResolve(id: string, r: Resolution): void;
}) {
  const name = `conflict-${conflict.id}`;
  const differing = differingFields(conflict.mine, conflict.theirs);
  return (
    <fieldset class="conflict" data-testid="conflict" data-id={conflict.id}>
      <legend>
        {conflict.name} <span class="muted">({conflict.id})</span>: the import {UPSTREAM[conflict.upstream]}, {LOCAL[conflict.local]}
      </legend>
      {differing.length > 0 && <p class="muted">Differs in: {differing.join(', ')}</p>}
      <label>
        <input type="radio" name={name} checked={choice === 'mine'} onChange={() => onResolve(conflict.id, 'mine')} /> Keep mine
      </label>
      <label>
        <input type="radio" name={name} checked={choice === 'theirs'} onChange={() => onResolve(conflict.id, 'theirs')} /> Take theirs
      </label>
      <details>
        <summary>Compare the two versions</summary>
        <div class="compare">
          <div>
            <h5>Mine</h5>
            <pre tabIndex={0} aria-label="My version">
              {conflict.mine ? JSON.stringify(conflict.mine, null, 2) : '(deleted)'}
            </pre>
          </div>
          <div>
            <h5>Theirs</h5>
            <pre tabIndex={0} aria-label="Their version">
              {conflict.theirs ? JSON.stringify(conflict.theirs, null, 2) : '(removed)'}
            </pre>
          </div>
        </div>
      </details>
    </fieldset>
  );
}

function differingFields(a: object | null, b: object | null): string[] {
  if (!a || !b) return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
