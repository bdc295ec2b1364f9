import { readFile, writeFile } from 'node:fs/promises';
import { SearchIndexError } from './retrieval-errors.ts';

/**
 * Numeric arrays on disk: a little-endian u32 header length, a JSON header naming each array, then
 * the arrays' bytes 8-byte aligned. Loading is one read and a few copies: no parsing of numbers,
 * which is what keeps index loading well under a second.
 */
type ArrayKind = 'f32' | 'f64' | 'u32' | 'i32';
export type NumericArray = Float32Array | Float64Array | Uint32Array | Int32Array;

interface Header {
  readonly meta: unknown;
  readonly arrays: { name: string; kind: ArrayKind; length: number; offset: number }[];
}

const kindOf = (a: NumericArray): ArrayKind =>
  a instanceof Float32Array ? 'f32' : a instanceof Float64Array ? 'f64' : a instanceof Uint32Array ? 'u32' : 'i32';

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export async function writeArrays(file: string, meta: unknown, arrays: Record<string, NumericArray>): Promise<void> {
  const entries = Object.entries(arrays);
  let offset = 0;
  const layout = entries.map(([name, a]) => {
    const item = { name, kind: kindOf(a), length: a.length, offset };
    offset = align8(offset + a.byteLength);
    return item;
  });
  const header = Buffer.from(JSON.stringify({ meta, arrays: layout } satisfies Header), 'utf8');
  const start = align8(4 + header.length);
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  entries.forEach(([, a], i) => {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, start + layout[i]!.offset);
  });
  await writeFile(file, out);
}

export async function readArrays(file: string): Promise<{ meta: unknown; arrays: Map<string, NumericArray> }> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (error) {
    throw new SearchIndexError(`cannot read ${file}`, { cause: error });
  }
  try {
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Header;
    const start = align8(4 + headerLength);
    const arrays = new Map<string, NumericArray>();
    for (const a of header.arrays) {
      const from = buf.byteOffset + start + a.offset;
      const slice = (bytes: number) => buf.buffer.slice(from, from + a.length * bytes);
      arrays.set(
        a.name,
        a.kind === 'f32'
          ? new Float32Array(slice(4))
          : a.kind === 'f64'
            ? new Float64Array(slice(8))
            : a.kind === 'u32'
              ? new Uint32Array(slice(4))
              : new Int32Array(slice(4)),
      );
    }
    return { meta: header.meta, arrays };
  } catch (error) {
    throw new SearchIndexError(`${file} is not a valid array file`, { cause: error });
  }
}

export function requireArray<T extends NumericArray>(
  arrays: Map<string, NumericArray>,
  name: string,
  type: new (...args: never[]) => T,
  file: string,
): T {
  const a = arrays.get(name);
  if (!(a instanceof type)) throw new SearchIndexError(`${file}: array "${name}" is missing or of the wrong type`);
  return a;
}
