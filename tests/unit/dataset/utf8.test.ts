import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidOffset } from '../../../lib/dataset/utf8';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('reading dataset files as UTF-8', () => {
  it('decodes valid text, accents, emoji and all', () => {
    expect(decodeUtf8(bytes('{"name":"Zoë 🙂 Škoda"}'))).toEqual({ ok: true, text: '{"name":"Zoë 🙂 Škoda"}' });
  });

  it.each([
    ['a Latin-1 é', bytes('Caf', [0xe9], '!'), 3],
    ['a stray continuation byte', bytes('ab', [0x80]), 2],
    ['an overlong slash', bytes('x', [0xc0, 0xaf]), 1],
    ['a UTF-16 surrogate', bytes('ok ', [0xed, 0xa0, 0x80]), 3],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a sequence cut off at the end', bytes('Zo', [0xc3]), 2],
    ['a bad byte after valid multi-byte text', bytes('é€', [0xff]), 5],
  ])('refuses %s, naming the offset of the first bad byte', (_label, input, offset) => {
    expect(decodeUtf8(input)).toEqual({ ok: false, offset });
    expect(firstInvalidOffset(input)).toBe(offset);
  });
});
