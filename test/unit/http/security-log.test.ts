import { Writable } from 'node:stream';
import pino from 'pino';
import { logSecurityEvent, requestMeta } from '../../../src/http/security-log';

function capture(): { log: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return {
    log: pino({ level: 'info' }, stream),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const req = (headers: Record<string, string>, ip = '203.0.113.7') => ({
  header: (name: string) => headers[name.toLowerCase()],
  ip,
  socket: { remoteAddress: ip },
});

describe('security event log', () => {
  it('carries event, request id and source address, and nothing the caller submitted', () => {
    const { log, lines } = capture();
    const meta = requestMeta(req({ 'x-request-id': 'abc-123', 'x-zsm-signature': 'sha256=deadbeef' }) as never);
    logSecurityEvent(log, 'refused_signature', meta, 'bad_signature');
    const [line] = lines();
    expect(line).toMatchObject({ security: 'refused_signature', requestId: 'abc-123', source: '203.0.113.7', why: 'bad_signature' });
    expect(JSON.stringify(line)).not.toContain('deadbeef');
  });

  it('does not echo a request id that could carry text; it makes a fresh one', () => {
    const meta = requestMeta(req({ 'x-request-id': 'Jan de Vries <script>' }) as never);
    expect(meta.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
