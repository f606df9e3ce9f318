/** Helpers to look into card JSON in tests. */
export type Node = { type?: string } & Record<string, unknown>;

export function nodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, out));
  else if (value !== null && typeof value === 'object') {
    out.push(value as Node);
    Object.values(value).forEach((v) => nodes(v, out));
  }
  return out;
}

export const ofType = (value: unknown, type: string): Node[] => nodes(value).filter((n) => n.type === type);

export const texts = (value: unknown): string[] => ofType(value, 'TextBlock').map((n) => String(n.text));

/** The TextBlock whose text contains `part` (exactly one expected). */
export function textBlock(value: unknown, part: string): Node {
  const found = ofType(value, 'TextBlock').filter((n) => String(n.text).includes(part));
  if (found.length !== 1) throw new Error(`expected one TextBlock with "${part}", found ${found.length}`);
  return found[0] as Node;
}

export const utf8Bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
export const utf16Bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf16le');
