import { describe, expect, it } from 'vitest';
import { changeKind, checkDraft, draftFromEntity, fieldOf, newDraft } from '../../../lib/dataset/entity-draft';
import { jsonEqual } from '../../../lib/dataset/equal';
import { generateEntity } from '../../fixtures/datasets/generate';

describe('the entity editor draft', () => {
  it.each([0, 1, 2, 3])('round-trips entity %i unchanged', (i) => {
    const entity = { ...generateEntity(i), url: 'https://example.org/x' };
    const checked = checkDraft(draftFromEntity(entity));
    expect(checked.problems).toEqual([]);
    expect(jsonEqual(checked.entity, entity)).toBe(true);
  });

  it('reports problems with the path of the field', () => {
    const draft = { ...draftFromEntity(generateEntity(0)), name: '', url: 'javascript:alert(1)' };
    draft.aliases = [{ text: 'A' }];
    const paths = checkDraft(draft).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.name', '$.url', '$.aliases[0].text']));
    expect(paths.map(fieldOf)).toEqual(expect.arrayContaining(['name', 'url', 'alias:0']));
  });

  it('reports a problem deep in the details with its path', () => {
    const draft = { ...draftFromEntity(generateEntity(0)), details: '{ "roles": [{ "title": "<b>Boss</b>" }] }' };
    expect(checkDraft(draft).problems).toEqual([
      expect.objectContaining({ path: '$.roles[0].title', message: expect.stringContaining('plain text') }),
    ]);
    expect(fieldOf('$.roles[0].title')).toBe('details');
  });

  it.each([
    ['invalid JSON', '{ roles: [] }', /not valid JSON/],
    ['an array', '[]', /must be a JSON object/],
    ['a form field', '{ "name": "Other" }', /own field above/],
    ['a __proto__ key', '{ "__proto__": { "x": 1 } }', /not allowed/],
  ])('refuses details that are %s', (_label, details, message) => {
    const checked = checkDraft({ ...draftFromEntity(generateEntity(0)), details });
    expect(checked.entity).toBeUndefined();
    expect(checked.problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('starts a new entity from a template that says what is missing', () => {
    const draft = {
      ...newDraft('event'),
      id: 'a-new-summit',
      name: 'A New Summit',
      summary: 'Made up.',
      aliases: [{ text: 'New Summit' }],
    };
    expect(checkDraft(draft).problems.map((p) => p.path)).toEqual(['$.start', '$.place']);
    expect(changeKind(draft, 'place').details).toContain('placeType');
  });
});
