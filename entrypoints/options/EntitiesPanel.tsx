import { useEffect, useState } from 'preact/hooks';
import { EntityCard } from '../../components/EntityCard';
import { ImportProblems } from '../../components/ImportProblems';
import { OptionsDialog } from '../../components/OptionsDialog';
import { EDIT_LABEL, OptionsEntityList } from '../../components/OptionsEntityList';
import { draftFromEntity, newDraft } from '../../lib/dataset/entity-draft';
import type { Problem } from '../../lib/dataset/validate';
import type { BrowsePage, EntityDetail } from '../../lib/db/browse';
import type { DatasetInfo } from '../../lib/db/commit';
import { call } from '../../lib/ui/runtime-client';
import { EntityEditor } from './EntityEditor';

const PAGE = 50;

export interface EntitiesPanelProps {
  /** Changes whenever the data changes elsewhere on the page (an import, a reset). */
  dataVersion: number;
  /** The library, in its order: entities are browsed one dataset at a time. */
  datasets: DatasetInfo[];
  /** A dataset to show now (a new object each time it is asked for). */
  focus: { id: string } | null;
  onChanged(): void;
}

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'create' };

/** Browse, search, view, edit, add, delete and revert the entities of one dataset of the library. */
export function EntitiesPanel({ dataVersion, datasets, focus, onChanged }: EntitiesPanelProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    if (focus) setChosen(focus.id);
  }, [focus]);
  const dataset = datasets.some((info) => info.id === chosen) ? chosen! : (datasets[0]?.id ?? null);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filter, setFilter] = useState<'all' | 'edited'>('all');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<BrowsePage | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<EntityDetail | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 150);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => setOffset(0), [debounced, filter, dataset]);
  useEffect(() => {
    setSelected(null);
    setMode({ kind: 'view' });
  }, [dataset]);
  useEffect(() => {
    if (!dataset) return setPage(null);
    let live = true;
    call('browseEntities', { dataset, query: debounced, filter, offset, limit: PAGE }).then(
      (result) => live && (setPage(result), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [dataset, debounced, filter, offset, dataVersion]);
  useEffect(() => {
    if (!selected || !dataset) return setDetail(null);
    let live = true;
    call('getEntityDetail', { dataset, id: selected }).then(
      (result) => live && setDetail(result),
      () => live && (setDetail(null), setSelected(null)),
    );
    return () => {
      live = false;
    };
  }, [dataset, selected, dataVersion]);

  function select(id: string): void {
    setSelected(id);
    setMode({ kind: 'view' });
    setProblems(null);
  }

  async function change(action: 'deleteEntity' | 'revertEntity', id: string, done: string): Promise<void> {
    setConfirmDelete(false);
    if (!dataset || !detail) return;
    const result = await call(action, { dataset, id, stamp: detail.stamp });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems(null);
    setStatus(done);
    onChanged();
  }

  const total = page?.total ?? 0;
  const shown = detail?.entity ?? detail?.edit?.base ?? null;
  return (
    <section aria-labelledby="entities-heading" class="panel">
      <h2 id="entities-heading">Entities</h2>
      <div class="toolbar">
        <div>
          <label for="entity-dataset">Dataset</label>
          <select id="entity-dataset" value={dataset ?? ''} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
            {datasets.map((info) => (
              <option key={info.id} value={info.id}>
                {info.title}
              </option>
            ))}
          </select>
        </div>
        <label>
          Search entities
          <input type="search" value={query} placeholder="Name or alias…" onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
        <div>
          <label for="entity-filter">Show</label>
          <select id="entity-filter" value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value as 'all' | 'edited')}>
            <option value="all">All entities</option>
            <option value="edited">Only my local edits</option>
          </select>
        </div>
        <button type="button" disabled={!dataset} onClick={() => (setMode({ kind: 'create' }), setSelected(null))}>
          Add an entity
        </button>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {status}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="entities-layout">
        <div class="entities-list">
          {page && <OptionsEntityList items={page.items} selected={selected} onSelect={select} />}
          <div class="pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous page
            </button>
            <span aria-live="polite" data-testid="list-position">
              {total ? `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total.toLocaleString('en')}` : 'No entities'}
              {page?.capped ? ` (best of ${page.capped.toLocaleString('en')} matches: refine the search)` : ''}
            </span>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              Next page
            </button>
          </div>
        </div>
        <div class="entity-detail" aria-live="polite">
          {mode.kind === 'create' && dataset && (
            <EntityEditor
              dataset={dataset}
              mode="create"
              initial={newDraft('person')}
              onCancel={() => setMode({ kind: 'view' })}
              onSaved={(id) => (select(id), setStatus('Entity added.'), onChanged())}
            />
          )}
          {mode.kind === 'edit' && dataset && detail?.entity && (
            <EntityEditor
              dataset={dataset}
              stamp={detail.stamp}
              mode="update"
              initial={draftFromEntity(detail.entity)}
              onCancel={() => setMode({ kind: 'view' })}
              onSaved={() => (setMode({ kind: 'view' }), setStatus('Changes saved.'), onChanged())}
            />
          )}
          {mode.kind === 'view' && detail && shown && (
            <div data-testid="entity-detail">
              {detail.edit && (
                <p class={`badge ${detail.edit.status}`} data-testid="edit-status">
                  {EDIT_LABEL[detail.edit.status]} locally on {new Date(detail.edit.editedAt).toLocaleString()}
                </p>
              )}
              <div class="button-row">
                {detail.entity && (
                  <button type="button" onClick={() => setMode({ kind: 'edit' })}>
                    Edit
                  </button>
                )}
                {detail.entity && (
                  <button type="button" onClick={() => setConfirmDelete(true)}>
                    Delete
                  </button>
                )}
                {detail.edit && (
                  <button type="button" onClick={() => void change('revertEntity', shown.id, 'Local edit reverted.')}>
                    {detail.edit.status === 'added' ? 'Revert (remove my entity)' : 'Revert to the imported version'}
                  </button>
                )}
              </div>
              {problems && (
                <ImportProblems
                  heading={
                    problems.length === 1 && problems[0]!.path === '$'
                      ? 'Nothing was changed.'
                      : 'That would leave the data inconsistent, so nothing was changed.'
                  }
                  problems={problems}
                  entityRelative
                />
              )}
              <EntityCard
                entity={shown}
                sources={new Map(detail.sources.map((source) => [source.id, source]))}
                lookup={(id) => detail.names.find((n) => n.id === id)}
                onOpenEntity={select}
                headingId="options-card-name"
              />
            </div>
          )}
          {mode.kind === 'view' && !detail && <p class="muted">Choose an entity to see its card, edit it or delete it.</p>}
        </div>
      </div>
      {confirmDelete && shown && (
        <OptionsDialog title={`Delete “${shown.name}”?`} onClose={() => setConfirmDelete(false)}>
          <p>It will no longer be marked on pages. This is a local edit: you can revert it later.</p>
          <div class="button-row">
            <button type="button" class="danger" onClick={() => void change('deleteEntity', shown.id, 'Entity deleted.')}>
              Delete
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              Cancel
            </button>
          </div>
        </OptionsDialog>
      )}
    </section>
  );
}
