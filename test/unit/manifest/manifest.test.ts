import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { colorIcon, outlineIcon } from '../../../manifest/make-icons';
import { buildAppPackage, LOCAL_APP_ID, manifestVars, PACKAGE_FILES, renderManifest, substitute } from '../../../scripts/package-manifest';

const MANIFEST_DIR = join(__dirname, '../../../manifest');
const APP_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

// The vendored Teams schema declares draft-04, so the draft-04 Ajv class validates it.
const schema = JSON.parse(readFileSync(join(MANIFEST_DIR, 'schema/MicrosoftTeams.schema.json'), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv04({ allErrors: true, strictTypes: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const problems = (manifest: unknown): string[] =>
  validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('Teams app manifest', () => {
  it('validates against the vendored v1.22 schema, locally and with a real app id', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(problems(renderManifest({ env: {} }))).toEqual([]);
    expect(problems(renderManifest({ env: { MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: 'zsm-hg-bot.azurewebsites.net' } }))).toEqual([]);
  });

  it('fills in the app id (default for local use), domain and version, and leaves no placeholder', () => {
    const local = renderManifest({ env: {} });
    expect(local).toMatchObject({ manifestVersion: '1.22', id: LOCAL_APP_ID, validDomains: ['localhost'] });
    const real = renderManifest({ env: { MICROSOFT_APP_ID: APP_ID.toUpperCase(), BOT_DOMAIN: 'bot.example.org' } });
    expect(real).toMatchObject({ id: APP_ID, bots: [{ botId: APP_ID }], validDomains: ['bot.example.org'] });
    expect(real.version).toBe((JSON.parse(readFileSync(join(MANIFEST_DIR, '../package.json'), 'utf8')) as { version: string }).version);
    expect(JSON.stringify(real)).not.toContain('${{');
  });

  it('declares one bot for team and personal scope only (no group chats), without files', () => {
    const [bot] = renderManifest({ env: {} }).bots as Record<string, unknown>[];
    expect(bot).toMatchObject({ scopes: ['team', 'personal'], supportsFiles: false });
    // No group chats: everything the bot shows belongs in a location channel or a personal chat.
    expect((bot.commandLists as { scopes: string[] }[]).flatMap((l) => l.scopes)).not.toContain('groupChat');
  });

  it('reports a broken manifest', () => {
    const broken: Record<string, unknown> = { ...renderManifest({ env: {} }), bots: [{ botId: 'not-a-guid', scopes: ['everywhere'] }] };
    delete broken.name;
    const found = problems(broken).join('\n');
    expect(found).toMatch(/must have required property 'name'/);
    expect(found).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(found).toMatch(/\/bots\/0\/scopes\/0 must be equal to one of the allowed values/);
  });

  it('refuses an unknown placeholder and a malformed app id or domain', () => {
    expect(() => substitute('{"a":"${{NOPE}}"}', {})).toThrow(/NOPE/);
    expect(substitute('{"a":"${{X}}"}', { X: 'say "hi"' })).toBe('{"a":"say \\"hi\\""}');
    expect(() => manifestVars({ MICROSOFT_APP_ID: 'my-bot' }, '1.0.0')).toThrow(/GUID/);
    expect(() => manifestVars({ BOT_DOMAIN: 'https://bot.example.org/api' }, '1.0.0')).toThrow(/host name/);
  });
});

interface Png {
  width: number;
  height: number;
  colorType: number;
  pixels: Buffer; // RGBA rows without filter bytes
}

/** Reads the IHDR header and, for our own 8-bit RGBA files (filter 0 on every row), the pixels. */
function readPng(buf: Buffer): Png {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const colorType = buf.readUInt8(25);
  const idat: Buffer[] = [];
  for (let o = 8; o < buf.length;) {
    const len = buf.readUInt32BE(o);
    if (buf.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride]).toBe(0);
    rows.push(raw.subarray(y * stride + 1, (y + 1) * stride));
  }
  return { width, height, colorType, pixels: Buffer.concat(rows) };
}

describe('app icons', () => {
  const color = readPng(readFileSync(join(MANIFEST_DIR, 'color.png')));
  const outline = readPng(readFileSync(join(MANIFEST_DIR, 'outline.png')));

  it('have the sizes Teams requires: colour 192×192, outline 32×32', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colorType).toBe(6); // RGBA: the outline needs transparency
  });

  it('outline is white on transparent only', () => {
    let white = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) continue;
      expect([r, g, b, a]).toEqual([255, 255, 255, 255]);
      white++;
    }
    expect(white).toBeGreaterThan(20);
    expect(white).toBeLessThan((32 * 32) / 2);
  });

  it('are what manifest/make-icons.ts draws (same pixels)', () => {
    expect(readPng(colorIcon()).pixels.equals(color.pixels)).toBe(true);
    expect(readPng(outlineIcon()).pixels.equals(outline.pixels)).toBe(true);
  });
});

/** The entries of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let o = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(o)).toBe(0x02014b50);
    const method = zip.readUInt16LE(o + 10);
    const size = zip.readUInt32LE(o + 20);
    const nameLen = zip.readUInt16LE(o + 28);
    const skip = nameLen + zip.readUInt16LE(o + 30) + zip.readUInt16LE(o + 32);
    const local = zip.readUInt32LE(o + 42);
    const name = zip.toString('utf8', o + 46, o + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    o += 46 + skip;
  }
  return entries;
}

describe('app package', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'apppkg-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('zips the filled-in manifest and the two icons, flat', async () => {
    const file = await buildAppPackage({ outFile: join(dir, 'appPackage.zip'), env: { MICROSOFT_APP_ID: APP_ID } });
    const entries = zipEntries(readFileSync(file));
    expect([...entries.keys()].sort()).toEqual([...PACKAGE_FILES].sort());
    const manifest = JSON.parse((entries.get('manifest.json') as Buffer).toString('utf8')) as Record<string, unknown>;
    expect(manifest.id).toBe(APP_ID);
    expect(problems(manifest)).toEqual([]);
    expect(entries.get('color.png')?.equals(readFileSync(join(MANIFEST_DIR, 'color.png')))).toBe(true);
    expect(entries.get('outline.png')?.equals(readFileSync(join(MANIFEST_DIR, 'outline.png')))).toBe(true);
  });

  it('is byte-identical when built twice from the same inputs', async () => {
    const a = readFileSync(await buildAppPackage({ outFile: join(dir, 'a.zip'), env: {} }));
    const b = readFileSync(await buildAppPackage({ outFile: join(dir, 'b.zip'), env: {} }));
    expect(a.equals(b)).toBe(true);
  });
});
