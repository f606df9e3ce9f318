/**
 * Generated input against a running instance (fast-check, fixed seed and run counts): intake bodies
 * that are invalid by construction and Action.Execute payloads that no caller may act on. Only 4xx
 * for the intake and only fixed Dutch messages for invokes; nothing stored; no submitted value echoed.
 */
import fc from 'fast-check';
import { VERBS } from '../../src/cards/verbs';
import { nlMessages, nlTrust } from '../../src/i18n/nl';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, executeInvoke, postSignedCase, sendActivity, startTestHost, waitFor, type TestHost } from '../helpers/host';
import { newAudit, snapshot, Tally } from './harness';

const SEED = 20261129;
const INTAKE_RUNS = 2000;
const INVOKE_RUNS = 2000;
const tally = new Tally();
let t: TestHost;
let caseA: string;
let caseB: string;

const sample = sampleIntake({ externalId: 'BVH-FUZZ-BASE' });
const KNOWN_FIELDS = Object.keys(sample);
const junkKey = fc.string({ minLength: 1, maxLength: 24 }).filter((k) => !KNOWN_FIELDS.includes(k) && k !== '__proto__');

/** Every body is invalid by construction: not the intake shape, an unknown field, a wrong location, or not HG. */
const intakeBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc
    .record({
      key: junkKey,
      value: fc.jsonValue({ maxDepth: 2 }),
      replaced: fc.dictionary(fc.constantFrom(...KNOWN_FIELDS), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    })
    .map(({ key, value, replaced }) => ({ ...sample, ...replaced, [key]: value })),
  fc
    .record({ personKey: junkKey, value: fc.jsonValue({ maxDepth: 1 }) })
    .map(({ personKey, value }) => ({ ...sample, persons: [{ role: 'verdachte', age: 30, [personKey]: value }] })),
  fc
    .string({ minLength: 1, maxLength: 30 })
    .filter((l) => l !== 'midden-nederland' && l !== 'noord-holland')
    .map((locationId) => ({ ...sample, locationId })),
  fc.constant({ ...sample, hgFlag: false }),
);

/** Strings a response must never contain (long enough not to match fixed problem texts by chance). */
function submittedStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    if (v.trim().length >= 8 && !JSON.stringify(sample).includes(v)) out.push(v);
  } else if (Array.isArray(v)) v.forEach((x) => submittedStrings(x, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      submittedStrings(k, out);
      submittedStrings(x, out);
    }
  return out;
}

const ROSTER = [USERS.politie, USERS.om, USERS.ovj, USERS.rvdk, USERS.vt, USERS.otherLocation];
const ALL_VERBS = Object.values(VERBS);
const INPUT_KEYS = [
  'contribText',
  'contribSource',
  'contribNeedToKnow',
  'voteReason',
  'voteAcute',
  'leadTo',
  'closeReason',
  'aoQuestion',
  'seq',
  'actionId',
  'decisionText',
  'followUpClose',
];
const texts: unknown[] = [
  ...Object.values(nlMessages.errors),
  ...Object.values(nlTrust),
  ...Object.values(nlMessages.vt),
  ...Object.values(nlMessages.advice),
];
const MESSAGES = new Set<string>(texts.filter((m): m is string => typeof m === 'string'));

beforeAll(async () => {
  t = await startTestHost({ env: { RATE_LIMIT_INTAKE: '1000000', RATE_LIMIT_MESSAGES: '1000000' } });
  for (const u of ROSTER)
    await sendActivity(t.base, channelActivity(t.stub.url, u, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
  const post = async (locationId: string) => {
    const res = await postSignedCase(t.base, sampleIntake({ locationId }));
    const { caseId } = (await res.json()) as { caseId: string };
    await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
    return caseId;
  };
  caseA = await post('midden-nederland');
  caseB = await post('noord-holland');
});

afterAll(async () => {
  tally.print('security fuzz (fast-check, seed 20261129)');
  await t?.stop();
});

it(`${INTAKE_RUNS} generated intake bodies: only 4xx, nothing stored, nothing echoed`, async () => {
  const before = await snapshot(t);
  await fc.assert(
    fc.asyncProperty(intakeBody, async (body) => {
      const res = await postSignedCase(t.base, body);
      const text = await res.text();
      tally.add('intake bodies', String(res.status));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      for (const s of submittedStrings(body)) expect(text).not.toContain(s);
    }),
    { numRuns: INTAKE_RUNS, seed: SEED },
  );
  const after = await snapshot(t);
  expect(after.docs).toEqual(before.docs);
  expect(after.audit).toEqual(before.audit);
}, 600_000);

it(`${INVOKE_RUNS} generated card actions: only fixed Dutch messages, nothing stored but refusals in the audit`, async () => {
  const before = await snapshot(t);
  const caseId = fc.oneof(fc.constant(caseA), fc.constant(caseB), fc.string({ maxLength: 90 }));
  const inputs = fc.dictionary(fc.constantFrom(...INPUT_KEYS), fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean()), {
    maxKeys: 4,
  });
  const payload = fc.oneof(
    // A roster member sends a known or unknown verb with fields the verb does not know.
    fc.record({
      from: fc.constantFrom(...ROSTER),
      verb: fc.oneof(fc.constantFrom(...ALL_VERBS), fc.string({ maxLength: 40 })),
      data: fc
        .record({
          caseId,
          inputs,
          junk: junkKey.filter((k) => !INPUT_KEYS.includes(k) && k !== 'caseId'),
          value: fc.jsonValue({ maxDepth: 1 }),
        })
        .map(({ caseId: id, inputs: i, junk, value }) => ({ caseId: id, ...i, [junk]: value }) as unknown),
    }),
    // Someone off the roster (or a forged id) sends anything.
    fc.record({
      from: fc.oneof(
        fc.constant(USERS.outsider),
        fc.string({ minLength: 1, maxLength: 40 }).filter((a) => !ROSTER.includes(a as never)),
      ),
      verb: fc.oneof(fc.constantFrom(...ALL_VERBS), fc.string({ maxLength: 40 })),
      data: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ caseId, inputs }).map(({ caseId: id, inputs: i }) => ({ caseId: id, ...i }) as unknown),
      ),
    }),
  );
  await fc.assert(
    fc.asyncProperty(payload, async ({ from, verb, data }) => {
      const activity = executeInvoke(t.stub.url, from, verb, {});
      (activity.value as { action: { data: unknown } }).action.data = data;
      const res = await sendActivity(t.base, activity);
      expect(res.status).toBe(200);
      const body = res.body as { type: string; value: unknown };
      expect(body.type).toBe('application/vnd.microsoft.activity.message');
      expect(MESSAGES.has(body.value as string)).toBe(true);
      tally.add(
        'invoke payloads',
        Object.entries(nlTrust).find(([, m]) => m === body.value)?.[0] ??
          Object.entries(nlMessages.errors).find(([, m]) => m === body.value)?.[0] ??
          'other Dutch message',
      );
    }),
    { numRuns: INVOKE_RUNS, seed: SEED },
  );
  const after = await snapshot(t);
  expect(after.docs).toEqual(before.docs);
  const audit = newAudit(before, after);
  expect(audit.every((a) => a.action === 'access.denied' || a.action === 'action.refused')).toBe(true);
  for (const a of audit) tally.add('invoke payloads: audit', `${a.action}:${String(a.detail?.reason)}`);
  expect(t.stub.calls.filter((c) => c.method !== 'GET').length).toBeGreaterThan(0); // the stub was reachable all along
}, 600_000);
