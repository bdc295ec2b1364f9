import { crc32, deflateSync } from 'node:zlib';

/** Small files whose first bytes are those of each evidence type (the rest is filler or a marker). */
export const sampleBytes = {
  jpeg: (marker = '') => bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'), 0x00], marker),
  png: (marker = '') => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], marker),
  webp: (marker = '') => bytes([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')], marker),
  gif: (marker = '') => bytes(ascii('GIF89a'), marker),
  heic: (marker = '') => bytes([0, 0, 0, 0x18, ...ascii('ftypheic'), 0, 0, 0, 0], marker),
  pdf: (marker = '') => bytes(ascii('%PDF-1.7\n'), marker),
};

/**
 * A real PNG a browser draws (the browser test shows it on the complaint page): `size` pixels square
 * of one colour, with `marker` in a text chunk so a test can look for the bytes in a database file.
 */
export function pngImage(size = 48, rgb: readonly [number, number, number] = [11, 92, 173], marker = ''): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(marker ? [chunk('tEXt', Buffer.from(`Comment\0${marker}`, 'latin1'))] : []),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const tinyPng = pngImage(2);

function ascii(text: string): number[] {
  return [...Buffer.from(text, 'latin1')];
}

function bytes(head: number[], marker: string): Uint8Array {
  return new Uint8Array([...head, ...Buffer.from(` ${marker} `.padEnd(64, '.'), 'utf8')]);
}
