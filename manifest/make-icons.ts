import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * Draws the two Teams app icons (a house: domestic violence, the case at home) and encodes them as
 * PNG with node's zlib only, so the binaries in manifest/ can be rebuilt offline and byte-identical:
 *   npx tsx manifest/make-icons.ts
 */
type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA, 8 bits per channel, no interlace; every scanline with filter 0. */
export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Is (u, v) — both in 0..1 — inside the house (roof triangle + body, minus the door)? */
function inHouse(u: number, v: number): boolean {
  const roof = v >= 0.14 && v <= 0.48 && Math.abs(u - 0.5) <= ((v - 0.14) / 0.34) * 0.4;
  const body = v > 0.46 && v <= 0.86 && u >= 0.22 && u <= 0.78;
  const door = v > 0.62 && v <= 0.86 && u >= 0.43 && u <= 0.57;
  return (roof || body) && !door;
}

export const ACCENT: Rgba = [0x2e, 0x5a, 0x88, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** 192×192: white house on the accent colour. */
export function colorIcon(): Buffer {
  const n = 192;
  return encodePng(n, (x, y) => (inHouse((x + 0.5) / n, (y + 0.5) / n) ? WHITE : ACCENT));
}

/** 32×32: the house's outline in white on transparent, as Teams asks for the outline icon. */
export function outlineIcon(): Buffer {
  const n = 32;
  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x < n && y < n && inHouse((x + 0.5) / n, (y + 0.5) / n);
  return encodePng(n, (x, y) => {
    if (!inside(x, y)) return CLEAR;
    const edge = [
      [-1, 0],
      [1, 0],
      [0, -1],
      [0, 1],
      [-1, -1],
      [1, 1],
      [-1, 1],
      [1, -1],
    ].some(([dx, dy]) => !inside(x + (dx as number), y + (dy as number)));
    return edge ? WHITE : CLEAR;
  });
}

if (require.main === module) {
  writeFileSync(join(__dirname, 'color.png'), colorIcon());
  writeFileSync(join(__dirname, 'outline.png'), outlineIcon());
  process.stdout.write('wrote manifest/color.png and manifest/outline.png\n');
}
