import { describe, expect, it } from 'vitest';
import type { Correction } from '../../../lib/corrections/rules';
import { MAX_CORRECTIONS } from '../../../lib/corrections/schema';
import { summarize } from '../../../lib/dataset/diff';
import { createBackup, restoreBackup } from '../../../lib/db/backup';
import { addCorrection, listCorrections } from '../../../lib/db/corrections';
import { saveEntity } from '../../../lib/db/entity-edits';
import { exportData } from '../../../lib/db/export';
import { importText, parseImportText, prepareImport, validateImport } from '../../../lib/db/import';
import { replaceDataset } from '../../../lib/db/repository';
import type { BackstoryDB } from '../../../lib/db/tables';
import { generateDataset, generateEntity } from '../../fixtures/datasets/generate';
import { DS, freshDb } from './setup';

const v1 = generateDataset({ count: 12 });
const OTHER = 'test-courier';
const url = new URL('https://www.news.example/world/story?x=1');

/** A dataset with an edit and four corrections (one of each scope), and one correction of another dataset. */
async function corrected(): Promise<BackstoryDB> {
  const db = await freshDb(v1);
  await replaceDataset(db, generateDataset({ count: 3, start: 100, id: OTHER, title: 'Courier' }), 'file');
  await saveEntity(db, DS, { ...v1.entities[0]!, summary: 'Mine.' }, 'update');
  const at = (minute: number) => new Date(Date.UTC(2024, 4, 1, 10, minute));
  await addCorrection(db, { entity: `${DS}/person-0`, entityName: 'Ka Vexra', text: 'Vexra', scope: 'page', url }, at(1));
  await addCorrection(db, { entity: `${DS}/person-0`, entityName: 'Ka Vexra', text: 'Vexra', scope: 'site', url }, at(2));
  await addCorrection(db, { entity: `${DS}/organization-1`, entityName: 'Org', text: 'ORG', scope: 'everywhere', url }, at(2));
  await addCorrection(db, { entity: `${DS}/place-2`, entityName: 'Gone place', scope: 'entity', url }, at(3));
  await addCorrection(db, { entity: `${OTHER}/person-100`, entityName: 'Courier person', scope: 'entity', url }, at(4));
  return db;
}

function editsFile(corrections: unknown[], formatVersion = 2): string {
  return JSON.stringify({
    format: 'backstory-edits',
    formatVersion,
    dataset: { id: DS, version: '1.0.0' },
    edits: [],
    ...(formatVersion === 2 ? { corrections } : {}),
  });
}

const good = { entity: 'person-0', entityName: 'Ka Vexra', words: 'vexra', text: 'Vexra', createdAt: '2024-05-01T10:00:00.000Z' };

describe('the local-edits file carries the corrections of its dataset', () => {
  it("exports them with the dataset's own ids, sorted, and leaves out other datasets'", async () => {
    const db = await corrected();
    const file = JSON.parse((await exportData(db, DS, 'edits')).text);
    expect(file.formatVersion).toBe(2);
    expect(file.corrections).toEqual([
      { ...good, page: 'https://www.news.example/world/story', createdAt: '2024-05-01T10:01:00.000Z' },
      { entity: 'organization-1', entityName: 'Org', words: 'org', text: 'ORG', createdAt: '2024-05-01T10:02:00.000Z' },
      { ...good, site: 'news.example', createdAt: '2024-05-01T10:02:00.000Z' },
      { entity: 'place-2', entityName: 'Gone place', createdAt: '2024-05-01T10:03:00.000Z' },
    ]);
  });

  it('imports them into the dataset the file names (re-scoped, new ids), and exporting again gives the same bytes', async () => {
    const db = await corrected();
    const exported = (await exportData(db, DS, 'edits')).text;
    const other = await freshDb(v1);
    const parsed = parseImportText(exported);
    const validated = parsed.ok ? validateImport(parsed.value) : parsed;
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
    const prepared = await prepareImport(other, validated.value);
    expect(summarize(prepared.diff).counts.corrections).toBe(4);
    expect(await importText(other, exported)).toMatchObject({ ok: true, correctionsAdded: 4 });
    expect((await exportData(other, DS, 'edits')).text).toBe(exported);
    const mine = await listCorrections(db);
    const theirs = await listCorrections(other);
    expect(theirs.map((c) => c.entity).sort()).toEqual([`${DS}/organization-1`, `${DS}/person-0`, `${DS}/person-0`, `${DS}/place-2`]);
    expect(theirs.some((c) => mine.some((m) => m.id === c.id))).toBe(false);
  });

  it('adds only the corrections not already there: importing the file twice changes nothing the second time', async () => {
    const db = await corrected();
    const exported = (await exportData(db, DS, 'edits')).text;
    expect(await importText(db, exported)).toMatchObject({ ok: true, correctionsAdded: 0 });
    expect(await db.corrections.count()).toBe(5);
    const twice = editsFile([good, { ...good, createdAt: '2024-06-01T00:00:00.000Z' }]);
    const other = await freshDb(v1);
    expect(await importText(other, twice)).toMatchObject({ ok: true, correctionsAdded: 1 });
  });

  it('still reads a version-1 file (edits only)', async () => {
    const db = await freshDb(v1);
    const old = JSON.stringify({
      format: 'backstory-edits',
      formatVersion: 1,
      dataset: { id: DS, version: '1.0.0' },
      edits: [{ id: 'place-50', entity: generateEntity(50) }],
    });
    expect(await importText(db, old)).toMatchObject({ ok: true, editsKept: 1, correctionsAdded: 0 });
    expect(await db.corrections.count()).toBe(0);
  });

  it.each([
    ['a page that is not http(s)', { ...good, page: 'ftp://news.example/a' }, '$.corrections[0].page', /http/],
    ['a page with a query', { ...good, page: 'https://news.example/a?b=1' }, '$.corrections[0].page', /no query/],
    ['a site that is a URL', { ...good, site: 'https://news.example' }, '$.corrections[0].site', /host name/],
    ['a site with "www."', { ...good, site: 'www.news.example' }, '$.corrections[0].site', /without "www."/],
    ['a page and a site', { ...good, page: 'https://news.example/a', site: 'news.example' }, '$.corrections[0].site', /not both/],
    ['words without their text', { ...good, text: undefined }, '$.corrections[0].words', /together/],
    [
      'every mark, on one site',
      { entity: 'person-0', entityName: 'A', site: 'news.example', createdAt: good.createdAt },
      '$.corrections[0].words',
      /everywhere/,
    ],
    ['a name too long', { ...good, entityName: 'x'.repeat(301) }, '$.corrections[0].entityName', /300/],
    ['an entity that is not an id', { ...good, entity: 'Not An Id' }, '$.corrections[0].entity', /slug/],
    ['a date that is not one', { ...good, createdAt: 'yesterday' }, '$.corrections[0].createdAt', /datetime/i],
    ['a field of its own', { ...good, extra: 1 }, '$.corrections[0]', /extra/],
  ])('refuses %s, with its path, and imports nothing', async (_name, correction, path, message) => {
    const db = await freshDb(v1);
    const result = await importText(db, editsFile([correction]));
    expect(result.ok).toBe(false);
    const problems = (result as { problems: Array<{ path: string; message: string; entityId?: string }> }).problems;
    expect(problems[0]).toMatchObject({ path, message: expect.stringMatching(message) });
    expect(await db.corrections.count()).toBe(0);
  });

  it(`refuses more than ${MAX_CORRECTIONS.toLocaleString('en')} in a file, and an import that would pass the cap changes nothing`, async () => {
    const db = await freshDb(v1);
    const many = Array.from({ length: MAX_CORRECTIONS + 1 }, (_, i) => ({ ...good, entity: `person-${i}` }));
    const refused = await importText(db, editsFile(many));
    expect(refused).toMatchObject({ ok: false, problems: [{ path: '$.corrections' }] });

    const filler: Correction[] = Array.from({ length: MAX_CORRECTIONS - 1 }, (_, i) => ({
      id: `c-${i}`,
      entity: `${OTHER}/person-${i}`,
      entityName: `P${i}`,
      createdAt: good.createdAt,
    }));
    await db.corrections.bulkAdd(filler);
    const withEdit = JSON.stringify({
      ...JSON.parse(editsFile([good, { ...good, entity: 'person-4' }])),
      edits: [{ id: 'place-50', entity: generateEntity(50) }],
    });
    const before = (await exportData(db, DS, 'full')).text;
    expect(await importText(db, withEdit)).toMatchObject({ ok: false, reason: 'problems', problems: [{ path: '$.corrections' }] });
    expect(await db.corrections.count()).toBe(MAX_CORRECTIONS - 1);
    expect((await exportData(db, DS, 'full')).text).toBe(before);
  });
});

describe('a backup carries every correction', () => {
  it('restores them into a fresh profile, the same rows and the same backup text again', async () => {
    const db = await corrected();
    const text = await createBackup(db, {}, '2024-06-01T00:00:00.000Z');
    expect(JSON.parse(text)).toMatchObject({ formatVersion: 2 });
    const fresh = await freshDb();
    expect(await restoreBackup(fresh, JSON.parse(text))).toMatchObject({ ok: true, datasets: 2 });
    expect(await fresh.corrections.orderBy('id').toArray()).toEqual(await db.corrections.orderBy('id').toArray());
    expect(await createBackup(fresh, {}, '2024-06-01T00:00:00.000Z')).toBe(text);
  });

  it('replaces the corrections there were; a version-1 backup (before corrections) restores with none', async () => {
    const db = await corrected();
    const backup = JSON.parse(await createBackup(db, {}));
    const other = await corrected();
    await addCorrection(other, { entity: `${DS}/person-1`, entityName: 'Extra', scope: 'entity', url });
    await restoreBackup(other, backup);
    expect(await other.corrections.count()).toBe(5);

    const { corrections: _corrections, ...rest } = backup;
    expect(await restoreBackup(other, { ...rest, formatVersion: 1 })).toMatchObject({ ok: true, datasets: 2 });
    expect(await other.corrections.count()).toBe(0);
    expect(await other.datasets.count()).toBe(2);
  });

  it('refuses a damaged correction or two with one id, and changes nothing', async () => {
    const db = await corrected();
    const backup = JSON.parse(await createBackup(db, {}));
    const target = await corrected();
    const before = await listCorrections(target);
    const broken = structuredClone(backup);
    broken.corrections[0].entity = 'no-dataset';
    expect(await restoreBackup(target, broken)).toMatchObject({ ok: false, problems: [{ path: '$.corrections[0].entity' }] });
    const twice = structuredClone(backup);
    twice.corrections[1].id = twice.corrections[0].id;
    expect(await restoreBackup(target, twice)).toMatchObject({ ok: false, problems: [{ path: '$.corrections[1].id' }] });
    const v1WithCorrections = { ...structuredClone(backup), formatVersion: 1 };
    expect((await restoreBackup(target, v1WithCorrections)).ok).toBe(false);
    expect(await listCorrections(target)).toEqual(before);
  });
});
