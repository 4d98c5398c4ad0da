/**
 * Dataset files are UTF-8. A file that is not (a Latin-1 export, a truncated download) is refused
 * with the byte offset of the first bad sequence instead of being read with replacement characters,
 * which would change names silently.
 */
export type Decoded = { ok: true; text: string } | { ok: false; offset: number };

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, offset: firstInvalidOffset(bytes) };
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629). */
export function firstInvalidOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // no overlong forms
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

export function invalidUtf8Message(offset: number): string {
  return `the file is not valid UTF-8 text (first bad byte at offset ${offset}); save it as UTF-8 and try again`;
}
