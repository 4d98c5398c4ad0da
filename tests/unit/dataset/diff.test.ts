import { describe, expect, it } from 'vitest';
import { diffImport, planImport, type CurrentData } from '../../../lib/dataset/diff';
import { applyEdits, type LocalEdit } from '../../../lib/dataset/edits';
import type { Entity } from '../../../lib/schema/dataset';
import { generateEntity } from '../../fixtures/datasets/generate';

const e = (i: number, suffix = '') => generateEntity(i, suffix);
const edit = (id: string, entity: Entity | null, base: Entity | null): LocalEdit => ({
  id,
  entity,
  base,
  editedAt: '2024-06-01T00:00:00.000Z',
});

function current(base: Entity[], edits: LocalEdit[] = []): CurrentData {
  const map = new Map(edits.map((x) => [x.id, x]));
  return { effective: applyEdits(base, map), edits: map };
}

describe('the import diff', () => {
  it('sorts entities into added, changed, removed and unchanged', () => {
    const diff = diffImport(current([e(0), e(1), e(2)]), [e(0), e(1, ' New.'), e(3)]);
    expect(diff.added.map((x) => x.id)).toEqual(['event-3']);
    expect(diff.changed.map((x) => x.id)).toEqual(['organization-1']);
    expect(diff.removed.map((x) => x.id)).toEqual(['place-2']);
    expect(diff.unchanged).toBe(1);
    expect(diff.conflicts).toEqual([]);
  });

  it('ignores key order when comparing entities', () => {
    const reordered = Object.fromEntries(Object.entries(e(0)).reverse()) as Entity;
    expect(diffImport(current([e(0)]), [reordered]).unchanged).toBe(1);
  });

  it('keeps an edit the new version does not touch, and counts it', () => {
    const diff = diffImport(current([e(0), e(1)], [edit('person-0', e(0, ' Mine.'), e(0))]), [e(0), e(1, ' New.')]);
    expect(diff.conflicts).toEqual([]);
    expect(diff.keptEdits).toBe(1);
    expect(diff.changed.map((x) => x.id)).toEqual(['organization-1']);
  });

  it.each([
    ['changes an entity the user edited', [edit('person-0', e(0, ' Mine.'), e(0))], [e(0, ' Theirs.')], 'changed', 'changed'],
    ['removes an entity the user edited', [edit('person-0', e(0, ' Mine.'), e(0))], [], 'removed', 'changed'],
    ['changes an entity the user deleted', [edit('person-0', null, e(0))], [e(0, ' Theirs.')], 'changed', 'deleted'],
    ['adds an entity with the id of one the user added', [edit('event-7', e(7, ' Mine.'), null)], [e(0), e(7)], 'added', 'added'],
  ] as const)('reports a conflict when the new version %s', (_label, edits, incoming, upstream, local) => {
    const diff = diffImport(current([e(0)], [...edits]), [...incoming]);
    expect(diff.conflicts).toHaveLength(1);
    expect(diff.conflicts[0]).toMatchObject({ upstream, local });
  });

  it('absorbs an edit the new version already contains', () => {
    const diff = diffImport(current([e(0)], [edit('person-0', e(0, ' Fixed.'), e(0))]), [e(0, ' Fixed.')]);
    expect(diff.conflicts).toEqual([]);
    expect(diff.absorbedEdits).toBe(1);
  });

  it('absorbs a deletion when the new version removes the entity too', () => {
    const diff = diffImport(current([e(0), e(1)], [edit('person-0', null, e(0))]), [e(1)]);
    expect(diff.absorbedEdits).toBe(1);
    expect(diff.removed).toEqual([]);
  });
});

describe('the import plan', () => {
  const edits = [edit('person-0', e(0, ' Mine.'), e(0))];
  const incoming = [e(0, ' Theirs.'), e(1)];

  it('refuses to go ahead while a conflict has no choice', () => {
    expect(planImport(current([e(0)], edits), incoming, {}).unresolved).toEqual(['person-0']);
  });

  it('keeps mine: my version stays, on top of the new one', () => {
    const plan = planImport(current([e(0)], edits), incoming, { 'person-0': 'mine' });
    expect(plan.effective.find((x) => x.id === 'person-0')!.summary).toContain('Mine.');
    expect(plan.edits).toEqual([expect.objectContaining({ id: 'person-0', base: e(0, ' Theirs.') })]);
  });

  it('takes theirs: the new version replaces mine and the edit is gone', () => {
    const plan = planImport(current([e(0)], edits), incoming, { 'person-0': 'theirs' });
    expect(plan.effective.find((x) => x.id === 'person-0')!.summary).toContain('Theirs.');
    expect(plan.edits).toEqual([]);
  });

  it('carries entities the user added over an update', () => {
    const plan = planImport(current([e(0)], [edit('event-7', e(7), null)]), [e(0), e(1)], {});
    expect(plan.effective.map((x) => x.id)).toEqual(['person-0', 'organization-1', 'event-7']);
    expect(plan.edits.map((x) => x.id)).toEqual(['event-7']);
  });
});
