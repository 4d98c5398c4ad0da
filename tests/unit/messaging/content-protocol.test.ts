import { describe, expect, it } from 'vitest';
import { contentMessage, parseContentMessage, parseContentReply } from '../../../lib/messaging/content-protocol';

describe('messages to the content script', () => {
  it.each([
    ['the cast request', contentMessage('getCast', {}), { name: 'getCast', payload: {} }],
    [
      'a jump to an entity',
      contentMessage('jumpToMention', { entityId: 'antony-blinken' }),
      { name: 'jumpToMention', payload: { entityId: 'antony-blinken' } },
    ],
    [
      'a look-up with text',
      contentMessage('lookUpSelection', { text: 'Blinken' }),
      { name: 'lookUpSelection', payload: { text: 'Blinken' } },
    ],
    ['a look-up without text', contentMessage('lookUpSelection', {}), { name: 'lookUpSelection', payload: {} }],
  ])('accepts %s', (_, message, expected) => {
    expect(parseContentMessage(message)).toEqual(expected);
  });

  it.each([
    ['a page message without the envelope', { name: 'getCast', payload: {} }],
    ['an unknown message', { backstoryContent: 1, name: 'deleteEverything', payload: {} }],
    ['a name from the object prototype', { backstoryContent: 1, name: 'toString', payload: {} }],
    ['an empty entity id', { backstoryContent: 1, name: 'jumpToMention', payload: { entityId: '' } }],
    ['extra payload fields', { backstoryContent: 1, name: 'getCast', payload: { all: true } }],
    ['an over-long selection', { backstoryContent: 1, name: 'lookUpSelection', payload: { text: 'x'.repeat(501) } }],
    ['extra envelope fields', { backstoryContent: 1, name: 'getCast', payload: {}, from: 'page' }],
    ['not an object', 'getCast'],
  ])('rejects %s', (_, message) => {
    expect(parseContentMessage(message)).toBeNull();
  });
});

describe("the content script's replies, as the popup reads them", () => {
  const entry = { id: 'antony-blinken', name: 'Antony Blinken', kind: 'person', count: 3 };

  it('accepts a cast with its entries', () => {
    expect(parseContentReply('getCast', { active: true, entries: [entry] })).toEqual({ active: true, entries: [entry] });
  });

  it.each([
    ['an unknown kind', { active: true, entries: [{ ...entry, kind: 'weapon' }] }],
    ['a count of zero', { active: true, entries: [{ ...entry, count: 0 }] }],
    ['a page address offered for the permission prompt', { active: true, entries: [], url: 'https://evil.example/' }],
    ['extra entry fields', { active: true, entries: [{ ...entry, html: '<img>' }] }],
    ['no answer at all', undefined],
  ])('treats a cast with %s as no answer', (_, reply) => {
    expect(parseContentReply('getCast', reply)).toBeNull();
  });

  it('reads a jump as a boolean, and anything else as no answer', () => {
    expect(parseContentReply('jumpToMention', true)).toBe(true);
    expect(parseContentReply('jumpToMention', 'yes')).toBeNull();
  });
});
