import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { castVote } from '../../src/app/cast-vote';
import { becomeCaseOwner } from '../../src/app/course/actieoverleg';
import { getReturningRecord } from '../../src/app/report/returning';
import { caseCode } from '../../src/domain/case-code';
import { getReportRow } from '../../src/store/report-store';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, personalActivity, postSignedCase, sendActivity, settle, startTestHost, type TestHost } from '../helpers/host';

jest.setTimeout(60_000);
const DAY = 86_400_000;

/** Oude bekenden: a person of an earlier case comes back; the earlier case's lead hears it once, also after a restart. */
describe('returning person at intake', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zsm-returning-'));
  const stub = new ConnectorStub();
  beforeAll(() => stub.start());
  afterAll(async () => {
    await stub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const notesTo = (aad: string) =>
    stub.successful('send').filter((c) => c.conversationId === `a:personal-${aad}` && typeof c.body.text === 'string');
  const intake = async (t: TestHost, body: unknown): Promise<string> => {
    const res = await postSignedCase(t.base, body);
    expect(res.status).toBeLessThan(300);
    return ((await res.json()) as { caseId: string }).caseId;
  };

  it('shows the earlier case on the new one, marks hermelding, and notifies the earlier lead once', async () => {
    const first = await startTestHost({ dataDir, stub });
    let second: TestHost | undefined;
    let stopped = false;
    try {
      await sendActivity(
        first.base,
        channelActivity(stub.url, USERS.om, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
      );
      await sendActivity(first.base, personalActivity(stub.url, USERS.politie));
      const now = Date.now();
      // The earlier case: escalated, with politie as casusverantwoordelijke.
      const earlier = await intake(first, sampleIntake({ intakeAt: new Date(now - 30 * DAY).toISOString() }));
      const deps = first.host.deps;
      expect(
        (
          await castVote(deps, {
            caseId: earlier,
            aadObjectId: USERS.politie,
            input: { concern: true, reason: 'direct gevaar', acuteUnsafe: true },
          })
        ).ok,
      ).toBe(true);
      expect((await becomeCaseOwner(deps, { caseId: earlier, aadObjectId: USERS.politie })).ok).toBe(true);
      // Someone else entirely: no oude bekende.
      const unrelated = await intake(first, sampleIntake({ persons: [{ role: 'verdachte', personKey: 'src-key-someone-else-9' }] }));
      expect(await getReturningRecord(deps, unrelated)).toBeNull();
      await settle(first);
      const before = notesTo(USERS.politie).length;

      // The same verdachte (same source key) is back.
      const back = sampleIntake({ intakeAt: new Date(now).toISOString() });
      const newCase = await intake(first, back);
      const record = await getReturningRecord(deps, newCase);
      expect(record?.summary).toMatchObject({
        count: 1,
        daysSinceLast: 30,
        signal: true,
        decisions: { escalated: 1, closed: 0, closed_despite_concern: 0, open: 0 },
      });
      expect(record?.earlier).toEqual([expect.objectContaining({ caseId: earlier, decision: 'escalated' })]);
      expect(JSON.stringify(record)).not.toMatch(/src-key|Melding via 112/);
      expect((await getReportRow(first.host.db, earlier))?.nextIntakeAt).toBe(new Date(now).toISOString());
      await settle(first);
      const notes = notesTo(USERS.politie).slice(before);
      expect(notes).toHaveLength(1);
      expect(notes[0].body.text).toContain(caseCode(newCase));
      expect(notes[0].body.text).toContain(caseCode(earlier));
      await first.stop();
      stopped = true;

      // After a restart, a re-delivery of the same intake sends no second note.
      second = await startTestHost({ dataDir, stub });
      expect(await intake(second, back)).toBe(newCase);
      await settle(second);
      expect(notesTo(USERS.politie).slice(before)).toHaveLength(1);
    } finally {
      if (!stopped) await first.stop();
      await second?.stop();
    }
  });
});
