import type { DocKind } from '../../src/store/docstore';
import { caseCode } from '../../src/domain/case-code';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake } from '../helpers/fixtures';
import { settle, channelActivity, postSignedCase, sendActivity, startTestHost, TEST_SECRET, waitFor, type TestHost } from '../helpers/host';
import { signBody } from '../../src/http/signature';

let t: TestHost;

beforeAll(async () => {
  t = await startTestHost();
  // The app is installed in the team: this captures the channel's conversation reference.
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, 'aad-politie-1', { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
});
afterAll(async () => {
  await t.stop();
});

async function countDocs(): Promise<Record<string, number>> {
  const kinds: DocKind[] = ['case', 'contribution', 'vote', 'audit', 'job', 'cardref'];
  const out: Record<string, number> = {};
  for (const k of kinds) out[k] = (await t.host.db.query(k, [])).length;
  return out;
}

async function expectProblem(res: Response, status: number): Promise<{ type: string; errors?: { path: string; message: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { type: string; errors?: { path: string; message: string }[] };
}

describe('POST /api/cases', () => {
  it('stores a new case and posts its card in the location channel exactly once, also when re-delivered', async () => {
    const intake = sampleIntake();
    const first = await postSignedCase(t.base, intake);
    expect(first.status).toBe(201);
    const { caseId } = (await first.json()) as { caseId: string };
    const again = await postSignedCase(t.base, intake);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { caseId: string }).caseId).toBe(caseId);

    const create = await waitFor('card post', () =>
      t.stub.successful('create').find((c) => JSON.stringify(c.body).includes(caseCode(caseId))),
    );
    expect((create.body.channelData as { channel: { id: string } }).channel.id).toBe('19:zsm-mn-hg@thread.tacv2');
    const card = JSON.stringify(ConnectorStub.cardOf(create.body));
    expect(card).toContain('HG');
    expect(card).not.toContain('src-key-verdachte-0001');
    await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
    // Give a duplicate post every chance to happen, then assert there was none.
    await t.host.runner.runOnce();
    expect(t.stub.successful('create').filter((c) => JSON.stringify(c.body).includes(caseCode(caseId)))).toHaveLength(1);
    const stored = await t.host.deps.repo.getCase(caseId);
    expect(stored?.persons[0].pseudonym).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(stored)).not.toContain('src-key-verdachte-0001');
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'case.intake')).toHaveLength(1);
  });

  it('answers 409 for a different body under an existing external id, and stores nothing', async () => {
    const intake = sampleIntake();
    expect((await postSignedCase(t.base, intake)).status).toBe(201);
    await settle(t);
    const before = await countDocs();
    const res = await postSignedCase(t.base, { ...intake, summary: 'Andere samenvatting' });
    await expectProblem(res, 409);
    expect(await countDocs()).toEqual(before);
  });

  const bad: [string, () => Promise<Response>, number, string][] = [
    ['malformed JSON', () => postSignedCase(t.base, undefined, { raw: '{"externalId": ' }), 400, 'malformed-json'],
    [
      'no signature',
      () =>
        fetch(`${t.base}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sampleIntake()),
        }),
      401,
      'unauthorized',
    ],
    [
      'a wrong secret',
      () => postSignedCase(t.base, sampleIntake(), { secret: 'another-secret-0123456789abcdef0123456' }),
      401,
      'unauthorized',
    ],
    [
      'an expired timestamp',
      () => postSignedCase(t.base, sampleIntake(), { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      401,
      'unauthorized',
    ],
    ['an unknown location', () => postSignedCase(t.base, sampleIntake({ locationId: 'atlantis' })), 422, 'unknown-location'],
    ['a case without HG flag', () => postSignedCase(t.base, sampleIntake({ hgFlag: false })), 422, 'not-hg'],
    [
      'a body over 64 KB',
      () => {
        const raw = JSON.stringify({ ...sampleIntake(), summary: 'x'.repeat(70 * 1024) });
        const ts = Math.floor(Date.now() / 1000);
        return fetch(`${t.base}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-zsm-timestamp': String(ts), 'x-zsm-signature': signBody(TEST_SECRET, ts, raw) },
          body: raw,
        });
      },
      413,
      'too-large',
    ],
  ];
  it.each(bad)('rejects %s with a problem response and stores nothing', async (_label, send, status, code) => {
    await settle(t);
    const before = await countDocs();
    const creates = t.stub.successful('create').length;
    const problem = await expectProblem(await send(), status);
    expect(problem.type).toBe(`urn:zsm-hg-bot:problem:${code}`);
    expect(await countDocs()).toEqual(before);
    await t.host.runner.runOnce();
    expect(t.stub.successful('create').length).toBe(creates);
  });

  it('names every wrong field and never echoes submitted values', async () => {
    await settle(t);
    const before = await countDocs();
    const body = {
      ...sampleIntake(),
      offenceCategory: 'Jan Jansen',
      persons: [{ role: 'verdachte', name: 'Jan Jansen', birthDate: '1990-01-01' }],
      intakeAt: 'gisteren',
      children: { involved: 'ja' },
    };
    const res = await postSignedCase(t.base, body);
    const problem = await expectProblem(res, 400);
    const paths = (problem.errors ?? []).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['offenceCategory', 'persons.0', 'intakeAt', 'children.involved']));
    const text = JSON.stringify(problem);
    expect(text).not.toContain('Jan Jansen');
    expect(text).not.toContain('1990-01-01');
    expect(text).not.toContain('gisteren');
    expect(await countDocs()).toEqual(before);
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.base}/readyz`);
    expect(ready.status).toBe(200);
    // Ready or not, and nothing about the store or the job loop.
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
