import { z } from 'zod';

/**
 * A record of typed arrays, strings and booleans (records inside it too) packed into one Blob, for
 * a large derived row of IndexedDB (the stored matcher). Read back as a structured value, such a row
 * is deserialised on the reading thread when its result is first touched: some 70 ms for the matcher
 * of a 100,000-entity library, on every wake of the worker. A Blob comes back as a handle at once and
 * its bytes are read without blocking; the arrays are then views on those bytes (the matcher keeps
 * its text as UTF-16 code units, so nothing is decoded); strings are decoded from UTF-8.
 */
export type Packable = { [field: string]: Uint8Array | Uint16Array | Uint32Array | Int32Array | string | boolean | Packable };

const ARRAYS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
type ArrayType = keyof typeof ARRAYS;

const where = { path: z.string().min(1), offset: z.number().int().nonnegative(), length: z.number().int().nonnegative() };
const fieldSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['u8', 'u16', 'u32', 'i32']), ...where }),
  // `length`: bytes of UTF-8.
  z.object({ type: z.literal('utf8'), ...where }),
  // A boolean, or a string UTF-8 cannot carry (one with a lone surrogate), kept in the row itself.
  z.object({ type: z.literal('value'), path: z.string().min(1), value: z.union([z.string(), z.boolean()]) }),
]);

export const packedSchema = z.object({ fields: z.array(fieldSchema), blob: z.instanceof(Blob) });
export type Packed = z.infer<typeof packedSchema>;
type Field = Packed['fields'][number];

/** What UTF-8 cannot carry (`String.prototype.isWellFormed`, which Chrome has only from version 111). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Typed arrays start on a multiple of 4 bytes, so each can be a view on the one buffer. */
const ALIGN = 4;

export function pack(record: Packable): Packed {
  const encoder = new TextEncoder();
  const fields: Field[] = [];
  const parts: Array<{ offset: number; bytes: Uint8Array }> = [];
  let size = 0;
  const add = (bytes: Uint8Array) => {
    const offset = size;
    parts.push({ offset, bytes });
    size = Math.ceil((offset + bytes.byteLength) / ALIGN) * ALIGN;
    return offset;
  };
  const walk = (value: Packable, prefix: string) => {
    for (const [name, field] of Object.entries(value)) {
      const path = prefix + name;
      if (typeof field === 'boolean' || (typeof field === 'string' && LONE_SURROGATE.test(field)))
        fields.push({ type: 'value', path, value: field });
      else if (typeof field === 'string') {
        const bytes = encoder.encode(field);
        fields.push({ type: 'utf8', path, offset: add(bytes), length: bytes.byteLength });
      } else if (ArrayBuffer.isView(field)) {
        const bytes = new Uint8Array(field.buffer, field.byteOffset, field.byteLength);
        fields.push({ type: arrayType(field), path, offset: add(bytes), length: field.length });
      } else walk(field, `${path}.`);
    }
  };
  walk(record, '');
  const buffer = new Uint8Array(size);
  for (const { offset, bytes } of parts) buffer.set(bytes, offset);
  return { fields, blob: new Blob([buffer]) };
}

/** The record packed, or null when the layout does not fit its bytes (a row that is not whole). */
export async function unpack(packed: Packed): Promise<Packable | null> {
  const buffer = await packed.blob.arrayBuffer();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const record: Packable = {};
  for (const field of packed.fields) {
    let value: Packable[string];
    if (field.type === 'value') value = field.value;
    else if (field.type === 'utf8') {
      if (field.offset + field.length > buffer.byteLength) return null;
      try {
        value = decoder.decode(new Uint8Array(buffer, field.offset, field.length));
      } catch {
        return null;
      }
    } else {
      const View = ARRAYS[field.type];
      if (field.offset % View.BYTES_PER_ELEMENT !== 0 || field.offset + field.length * View.BYTES_PER_ELEMENT > buffer.byteLength)
        return null;
      value = new View(buffer, field.offset, field.length);
    }
    if (!place(record, field.path.split('.'), value)) return null;
  }
  return record;
}

function arrayType(view: ArrayBufferView): ArrayType {
  if (view instanceof Uint8Array) return 'u8';
  if (view instanceof Uint16Array) return 'u16';
  if (view instanceof Uint32Array) return 'u32';
  if (view instanceof Int32Array) return 'i32';
  throw new TypeError(`cannot pack a ${view.constructor.name}`);
}

/** Puts `value` at `path` in `record`; false when the path runs into a value or one is there already. */
function place(record: Packable, path: readonly string[], value: Packable[string]): boolean {
  if (path.includes('__proto__')) return false;
  let at = record;
  for (const name of path.slice(0, -1)) {
    const next = Object.hasOwn(at, name) ? at[name] : (at[name] = {});
    if (typeof next !== 'object' || ArrayBuffer.isView(next)) return false;
    at = next;
  }
  const last = path[path.length - 1]!;
  if (Object.hasOwn(at, last)) return false;
  at[last] = value;
  return true;
}
