import { describe, expect, it } from 'vitest';
import { cardModel, type CardModelInput, type EntityRef, type LaterFacts } from '../../../lib/card/card-model';
import type { Entity, Fact, Person, Quote, Role, Source, TimelineItem } from '../../../lib/schema/dataset';

const NAMES: Record<string, EntityRef> = {
  hamas: { name: 'Hamas', kind: 'organization' },
  qatar: { name: 'Qatar', kind: 'place' },
  idf: { name: 'Israel Defense Forces', kind: 'organization' },
  'us-state-department': { name: 'US State Department', kind: 'organization' },
};

const SOURCES = new Map<string, Source>(
  ['reuters', 'ap', 'cnn', 'bbc'].map((id) => [
    id,
    { id, publisher: id.toUpperCase(), title: `A ${id} report`, date: '2023-11-01', dateCertainty: 'stated' },
  ]),
);

function person(changes: Partial<Person> = {}): Person {
  return {
    id: 'antony-blinken',
    kind: 'person',
    name: 'Antony Blinken',
    aliases: [{ text: 'Antony Blinken' }],
    summary: 'US Secretary of State.',
    roles: [{ title: 'Secretary of State', from: '2021-01-26' }],
    ...changes,
  };
}

function model(entity: Entity, input: Partial<CardModelInput> = {}) {
  return cardModel(entity, { sources: SOURCES, lookup: (id) => NAMES[id], ...input });
}

/** A fact, quote or timeline item named by its date, so a case can list what is shown in order. */
const fact = (date: string | undefined, changes: Partial<Fact> = {}): Fact => ({
  text: date ?? 'undated',
  source: 'reuters',
  date,
  ...changes,
});
const quote = (date: string | undefined): Quote => ({ text: date ?? 'undated', speaker: 'antony-blinken', source: 'ap', date });
const event = (date: string): TimelineItem => ({ text: date, source: 'cnn', date });

/** What a list shows, in order: each item's text, "later" in front of those labelled later. */
const shown = (items: Array<{ later: boolean } & ({ fact: Fact } | { quote: Quote } | { item: TimelineItem })>) =>
  items.map((entry) => {
    const text = 'fact' in entry ? entry.fact.text : 'quote' in entry ? entry.quote.text : entry.item.text;
    return entry.later ? `later ${text}` : text;
  });

type Case = [name: string, dates: Array<string | undefined>, asOf: string | undefined, laterFacts: LaterFacts, expected: string[]];

describe('facts on the card', () => {
  it.each<Case>([
    [
      'keeps the four most recent facts as of the article date, most recent first',
      ['2023-01-10', '2023-05-10', '2023-03-10', '2023-02-10', '2023-04-10'],
      '2023-12-01',
      'label',
      ['2023-05-10', '2023-04-10', '2023-03-10', '2023-02-10'],
    ],
    [
      'labels facts after the article date as later and puts them after the known ones',
      ['2024-01-02', '2023-10-01'],
      '2023-11-05',
      'label',
      ['2023-10-01', 'later 2024-01-02'],
    ],
    [
      'keeps the two most recent later facts on top of the four known ones',
      ['2024-01', '2024-03', '2024-02', '2023-01', '2023-02', '2023-03', '2023-04', '2023-05'],
      '2023-11-05',
      'label',
      ['2023-05', '2023-04', '2023-03', '2023-02', 'later 2024-03', 'later 2024-02'],
    ],
    ['hides later facts when the setting says so', ['2024-01-02', '2023-10-01', '2024-03'], '2023-11-05', 'hide', ['2023-10-01']],
    ['compares a fact dated in the article’s month at month precision: it is not later', ['2023-11'], '2023-11-05', 'label', ['2023-11']],
    [
      'labels nothing later without an article date, and keeps the four most recent',
      ['2030-01', '2023-01', '2022-01', '2021-01', '2020-01'],
      undefined,
      'label',
      ['2030-01', '2023-01', '2022-01', '2021-01'],
    ],
    ['hides nothing without an article date, whatever the setting', ['2030-01'], undefined, 'hide', ['2030-01']],
    [
      'counts an undated fact as known and puts it after the dated ones',
      [undefined, '2023-01'],
      '2023-11-05',
      'label',
      ['2023-01', 'undated'],
    ],
    ['shows no facts for an entity without any', [], '2023-11-05', 'label', []],
  ])('%s', (_, dates, asOf, laterFacts, expected) => {
    expect(shown(model(person({ facts: dates.map((date) => fact(date)) }), { asOf, laterFacts }).facts)).toEqual(expected);
  });

  it.each([
    [
      'gives the source’s own attribution first',
      { attribution: 'according to the ministry', claimedBy: ['hamas'] },
      'according to the ministry',
    ],
    ['names the claimants when the source gives no attribution', { claimedBy: ['hamas', 'qatar'] }, 'according to Hamas, Qatar'],
    ['names a claimant unknown here by its id', { claimedBy: ['gaza-health-ministry'] }, 'according to gaza-health-ministry'],
    ['leaves the attribution to the source line when only the publisher is known', {}, undefined],
    ['has no attribution when the source is unknown here', { source: 'unknown-source' }, undefined],
  ])('%s', (_, changes, attribution) => {
    const [shownFact] = model(person({ facts: [fact('2023-10-01', changes)] })).facts;
    expect(shownFact?.attribution).toBe(attribution);
  });

  it('names the publisher of the fact’s source, and gives the source itself for its provenance', () => {
    const [shownFact] = model(person({ facts: [fact('2023-10-01')] })).facts;
    expect(shownFact?.publisher).toBe('REUTERS');
    expect(shownFact?.source).toMatchObject({ publisher: 'REUTERS', title: expect.any(String) });
    expect(model(person({ facts: [fact('2023-10-01', { source: 'unknown-source' })] })).facts[0]?.source).toBeUndefined();
  });
});

describe('quotes on the card', () => {
  it.each<Case>([
    [
      'keeps the two most recent quotes as of the article date, then one later quote',
      ['2023-01', '2023-03', '2023-02', '2024-01', '2024-02'],
      '2023-11-05',
      'label',
      ['2023-03', '2023-02', 'later 2024-02'],
    ],
    ['hides later quotes when the setting says so', ['2023-01', '2024-02'], '2023-11-05', 'hide', ['2023-01']],
    ['shows a later quote even when none was known by the article date', ['2024-02'], '2023-11-05', 'label', ['later 2024-02']],
  ])('%s', (_, dates, asOf, laterFacts, expected) => {
    expect(shown(model(person({ quotes: dates.map(quote) }), { asOf, laterFacts }).quotes)).toEqual(expected);
  });

  it('names the speaker, and a speaker unknown here by its id, with the publisher', () => {
    const quotes = model(person({ quotes: [quote('2023-10-01'), { ...quote('2023-09-01'), speaker: 'hamas' }] })).quotes;
    expect(quotes.map(({ speaker, publisher }) => [speaker, publisher])).toEqual([
      ['antony-blinken', 'AP'],
      ['Hamas', 'AP'],
    ]);
  });
});

describe('the timeline on the card', () => {
  it.each<Case>([
    [
      'keeps the five earliest items, in date order',
      ['2023-10-07', '2023-10', '2024-01-20', '2023', '2023-11-24', '2023-10-27'],
      undefined,
      'label',
      ['2023', '2023-10', '2023-10-07', '2023-10-27', '2023-11-24'],
    ],
    [
      'labels items after the article date as later, in their place',
      ['2024-01', '2023-10'],
      '2023-11-05',
      'label',
      ['2023-10', 'later 2024-01'],
    ],
    ['hides later items when the setting says so', ['2024-01', '2023-10'], '2023-11-05', 'hide', ['2023-10']],
  ])('%s', (_, dates, asOf, laterFacts, expected) => {
    const timeline = dates.map((date) => event(date!));
    expect(shown(model(person({ timeline }), { asOf, laterFacts }).timeline)).toEqual(expected);
  });
});

describe('related entities on the card', () => {
  const relation = (target: string) => ({ type: 'related-to' as const, target });

  it('lists each related entity once, in the order of its relations, never the entity itself', () => {
    const relations = ['qatar', 'hamas', 'antony-blinken', 'qatar'].map(relation);
    expect(model(person({ relations })).related).toEqual([
      { id: 'qatar', name: 'Qatar', known: true },
      { id: 'hamas', name: 'Hamas', known: true },
    ]);
  });

  it('keeps the first eight related entities', () => {
    const relations = Array.from({ length: 10 }, (_, i) => relation(`entity-${i}`));
    expect(model(person({ relations })).related?.map((related) => related.id)).toEqual(Array.from({ length: 8 }, (_, i) => `entity-${i}`));
  });

  it('names a related entity unknown here by its id, and says it cannot be opened', () => {
    expect(model(person({ relations: [relation('gaza-city')] })).related).toEqual([{ id: 'gaza-city', name: 'gaza-city', known: false }]);
  });

  it('has no related list for an entity without relations', () => {
    expect(model(person()).related).toBeUndefined();
    expect(model(person({ relations: [] })).related).toBeUndefined();
  });
});

describe('the role on the card', () => {
  const roles = (...list: Role[]) => person({ roles: list });

  it.each([
    [
      'shows the role as of the article date with its organisation',
      roles({ title: 'Spokesperson', organization: 'us-state-department', from: '2023-01', asOf: '2023-10-01' }),
      { title: 'Spokesperson', organization: 'US State Department', asOf: '2023-10-01', later: false },
    ],
    [
      'does not repeat an organisation the title already names',
      roles({ title: 'Chief of staff of the Israel Defense Forces', organization: 'idf', from: '2023-01' }),
      { title: 'Chief of staff of the Israel Defense Forces', organization: undefined, asOf: undefined, later: false },
    ],
    [
      'leaves out an organisation unknown here',
      roles({ title: 'Mediator', organization: 'egyptian-intelligence', from: '2023-01' }),
      { title: 'Mediator', organization: undefined, asOf: undefined, later: false },
    ],
    [
      'labels the earliest role as later when none had begun by the article date',
      roles({ title: 'Special envoy', from: '2024-03' }),
      { title: 'Special envoy', organization: undefined, asOf: undefined, later: true },
    ],
  ])('%s', (_, entity, role) => {
    expect(model(entity, { asOf: '2023-11-05' }).role).toEqual(role);
  });

  it('has no role for an organisation, a place or an event', () => {
    const hamas: Entity = {
      id: 'hamas',
      kind: 'organization',
      orgType: 'armed-group',
      name: 'Hamas',
      aliases: [{ text: 'Hamas' }],
      summary: '',
    };
    expect(model(hamas).role).toBeUndefined();
  });
});

describe('sources on the card', () => {
  it('lists every source the entity, its facts and its quotes cite, each once, even those of facts not shown', () => {
    const facts = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05'].map((date, i) =>
      fact(date, { source: i === 0 ? 'bbc' : 'reuters' }),
    );
    const entity = person({ sources: ['cnn', 'reuters'], facts, quotes: [quote('2023-10-01')] });
    expect(model(entity).sources?.map((source) => source.id)).toEqual(['cnn', 'reuters', 'bbc', 'ap']);
  });

  it('skips a cited source unknown here', () => {
    expect(model(person({ sources: ['unknown-source', 'cnn'] })).sources?.map((source) => source.id)).toEqual(['cnn']);
  });

  it('has no sources list for an entity that cites none', () => {
    expect(model(person()).sources).toBeUndefined();
  });
});
