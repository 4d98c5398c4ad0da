import { describe, expect, it } from 'vitest';
import { pack, unpack, type Packable } from '../../../lib/db/packed';

describe('a record packed into one Blob', () => {
  const record: Packable = {
    keys: 'hamas israel·gaza',
    names: 'Ismaïl Haniyeh · Иран · ایران · 🇶🇦',
    lone: 'broken \uD800 surrogate',
    empty: '',
    flags: Uint8Array.from([1, 2, 255]),
    ends: Uint32Array.from([3, 7, 4_000_000_000]),
    slots: Int32Array.from([0, -1, 2 ** 31 - 1]),
    none: new Uint32Array(0),
    gated: true,
    entities: { ids: 'a/b', kinds: Uint8Array.from([0, 3]), nested: { deep: Int32Array.from([5]) } },
  };

  it('comes back the same: arrays of the same types, strings (any text), booleans, records inside', async () => {
    const back = await unpack(pack(record));
    expect(back).toEqual(record);
    expect((back!.entities as Packable).kinds).toBeInstanceOf(Uint8Array);
    expect(back!.slots).toBeInstanceOf(Int32Array);
  });

  it('gives views on one buffer, each aligned for its type', async () => {
    const back = (await unpack(pack(record)))!;
    const ends = back.ends as Uint32Array;
    expect(ends.buffer).toBe((back.slots as Int32Array).buffer);
    expect(ends.byteOffset % 4).toBe(0);
  });

  it('is refused when a field points past its bytes or at a misaligned offset', async () => {
    const packed = pack(record);
    const past = packed.fields.map((field) => (field.path === 'ends' && field.type === 'u32' ? { ...field, length: 1e6 } : field));
    expect(await unpack({ ...packed, fields: past })).toBeNull();
    const misaligned = packed.fields.map((field) =>
      field.path === 'ends' && field.type === 'u32' ? { ...field, offset: field.offset + 1 } : field,
    );
    expect(await unpack({ ...packed, fields: misaligned })).toBeNull();
  });

  it('is refused when two fields claim one place, or a path reaches into the prototype', async () => {
    const packed = pack(record);
    expect(await unpack({ ...packed, fields: [...packed.fields, packed.fields[0]!] })).toBeNull();
    expect(await unpack({ ...packed, fields: [{ type: 'value', path: '__proto__.polluted', value: true }] })).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
