// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dateInText, fromUrl, readPublicationDate } from '../../../lib/dom/page-date';

function page(head: string, body: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}

describe('the publication date from the page address', () => {
  it.each<[string, string, string | undefined]>([
    ['reads a numeric date in the path', 'https://www.example.com/2015/03/18/world/story.html', '2015-03-18'],
    ['reads a month name in the path', 'https://www.theguardian.com/world/2015/mar/18/story', '2015-03-18'],
    ['reads a dashed date in the path', 'https://news.example.org/2016-02-01/story', '2016-02-01'],
    ['reads a one-digit day', 'https://example.com/2015/mar/8/story', '2015-03-08'],
    ['ignores a year and month without a day', 'https://example.com/2015/03/story', undefined],
    ['ignores a day that does not exist', 'https://example.com/2015/02/30/story', undefined],
    ['ignores a number that is not a date', 'https://example.com/video/123456/story', undefined],
    ['ignores the query string', 'https://example.com/story?from=2015/03/18/', undefined],
    ['returns nothing for an address that is not one', 'not a url', undefined],
  ])('%s', (_behaviour, url, expected) => {
    expect(fromUrl(url)).toBe(expected);
  });
});

describe('the publication date from a dateline', () => {
  it.each<[string, string, string | undefined]>([
    ['reads "Month day, year"', 'Published March 18, 2015', '2015-03-18'],
    ['reads an abbreviated month with a full stop', 'Updated Mar. 18, 2015 at 10:02', '2015-03-18'],
    ['reads "day Month year"', 'Published 14 March 2024', '2024-03-14'],
    ['reads an ordinal day', 'Wednesday 4th May 2015', '2015-05-04'],
    ['reads an ISO date', 'Posted 2017-01-13 09:00', '2017-01-13'],
    ['does not read a month and day without a year', 'Last updated March 18', undefined],
    ['does not read an impossible day', 'February 30, 2015', undefined],
  ])('%s', (_behaviour, text, expected) => {
    expect(dateInText(text)).toBe(expected);
  });
});

describe('readPublicationDate', () => {
  it('prefers the metadata to the address and the dateline', () => {
    const doc = page('<meta property="article:published_time" content="2024-03-21T10:00:00Z">', '<p class="dateline">14 March 2015</p>');
    expect(readPublicationDate(doc, 'https://example.com/2016/01/01/story')).toBe('2024-03-21');
  });

  it('reads the address when there is no metadata', () => {
    const doc = page('', '<p class="dateline">14 March 2015</p>');
    expect(readPublicationDate(doc, 'https://example.com/2016/01/01/story')).toBe('2016-01-01');
  });

  it('reads the visible dateline when neither metadata nor address has a date', () => {
    const doc = page('', '<article><h1>Story</h1><div class="byline">By A. Writer | 14 March 2015</div><p>Text.</p></article>');
    expect(readPublicationDate(doc, 'https://example.com/story')).toBe('2015-03-14');
  });

  it('reads a <time> element written out without a datetime attribute', () => {
    const doc = page('', '<article><time>March 18, 2015</time><p>Text.</p></article>');
    expect(readPublicationDate(doc, 'https://example.com/story')).toBe('2015-03-18');
  });

  it('does not take a date from a long section whose class happens to contain "date"', () => {
    const long = 'Talks went on. '.repeat(30);
    const doc = page('', `<article><div class="live-update"><p>${long} On March 18, 2015 a plant opened.</p></div></article>`);
    expect(readPublicationDate(doc, 'https://example.com/story')).toBeUndefined();
  });

  it('returns nothing for a page that states no date', () => {
    expect(readPublicationDate(page('', '<p>Just text.</p>'), 'https://example.com/story')).toBeUndefined();
  });
});
