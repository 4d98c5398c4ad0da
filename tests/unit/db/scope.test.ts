import { describe, expect, it } from 'vitest';
import { scopedId, scopeEntity, splitScopedId } from '../../../lib/db/scope';
import type { Entity } from '../../../lib/schema/dataset';

const cited = { source: 'src-a', date: '2024-05-01' };
const common = {
  name: 'N',
  aliases: [{ text: 'N' }],
  summary: 'S.',
  relations: [{ type: 'member-of' as const, target: 'org-1', ...cited }],
  facts: [{ text: 'F.', claimedBy: ['org-1', 'person-2'], ...cited }],
  quotes: [{ text: 'Q.', speaker: 'person-2', ...cited }],
  timeline: [{ text: 'T.', ...cited }],
  sources: ['src-b'],
};

describe('entity ids scoped by dataset for pages', () => {
  it('splits "dataset/entity" at the first slash, and nothing else', () => {
    expect(splitScopedId(scopedId('my-data', 'antony-blinken'))).toEqual({ dataset: 'my-data', id: 'antony-blinken' });
    expect(splitScopedId('no-dataset')).toBeNull();
    expect(splitScopedId('/x')).toBeNull();
    expect(splitScopedId('x/')).toBeNull();
  });

  it.each<[string, Entity, (e: Entity) => unknown[]]>([
    [
      'a person: roles, nationality',
      { ...common, id: 'p', kind: 'person', roles: [{ title: 'R', organization: 'org-1', source: 'src-a' }], nationality: 'place-1' },
      (e) => (e.kind === 'person' ? [e.roles[0]!.organization, e.roles[0]!.source, e.nationality] : []),
    ],
    [
      'an organization: parent, country',
      { ...common, id: 'o', kind: 'organization', orgType: 'ngo', parent: 'org-1', country: 'place-1' },
      (e) => (e.kind === 'organization' ? [e.parent, e.country] : []),
    ],
    [
      'a place: locatedIn',
      { ...common, id: 'pl', kind: 'place', placeType: 'town', locatedIn: 'place-1' },
      (e) => (e.kind === 'place' ? [e.locatedIn] : []),
    ],
    [
      'an event: place, participants, phases',
      {
        ...common,
        id: 'ev',
        kind: 'event',
        eventType: 'summit',
        start: '2024',
        place: 'place-1',
        participants: ['person-2'],
        phases: [{ label: 'P', date: '2024', source: 'src-a' }],
      },
      (e) => (e.kind === 'event' ? [e.place, ...(e.participants ?? []), ...(e.phases ?? []).map((p) => p.source)] : []),
    ],
  ])('rewrites every reference and source of %s', (_label, entity, specific) => {
    const scoped = scopeEntity('ds', entity);
    const refs = [
      scoped.id,
      ...(scoped.relations ?? []).flatMap((r) => [r.target, r.source]),
      ...(scoped.facts ?? []).flatMap((f) => [...(f.claimedBy ?? []), f.source]),
      ...(scoped.quotes ?? []).flatMap((q) => [q.speaker, q.source]),
      ...(scoped.timeline ?? []).map((t) => t.source),
      ...(scoped.sources ?? []),
      ...specific(scoped),
    ];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(ref).toMatch(/^ds\//);
    // Text is left alone, and the original is not changed.
    expect(scoped.name).toBe('N');
    expect(entity.id).not.toMatch(/\//);
  });
});
