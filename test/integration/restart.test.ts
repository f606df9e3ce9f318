import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, executeInvoke, postSignedCase, sendActivity, startTestHost, waitFor } from '../helpers/host';

describe('restart of the bot process', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zsm-restart-'));
  const stub = new ConnectorStub();
  beforeAll(() => stub.start());
  afterAll(async () => {
    await stub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: case, contributions, votes, card reference, audit trail and conversation references survive', async () => {
    const first = await startTestHost({ dataDir, stub });
    await sendActivity(
      first.base,
      channelActivity(stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
    );
    const { caseId } = (await (await postSignedCase(first.base, sampleIntake())).json()) as { caseId: string };
    await waitFor('card ref', () => first.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
    await sendActivity(
      first.base,
      executeInvoke(stub.url, USERS.vt, VERBS.voteConcern, {
        caseId,
        [INPUTS.voteReason]: 'Gezin bekend bij VT',
        [INPUTS.voteAcute]: 'false',
      }),
    );
    await sendActivity(
      first.base,
      executeInvoke(stub.url, USERS.rvdk, VERBS.addContribution, {
        caseId,
        [INPUTS.contribText]: 'Lopend onderzoek RvdK',
        [INPUTS.contribSource]: 'own_system',
        [INPUTS.contribNeedToKnow]: 'Bepaalt of een beschermingsmaatregel nodig is.',
      }),
    );
    const auditBefore = await first.host.deps.repo.listAudit(caseId);
    await first.stop();

    const second = await startTestHost({ dataDir, stub });
    try {
      const repo = second.host.deps.repo;
      expect(await repo.getCase(caseId)).toMatchObject({ id: caseId, status: 'open' });
      expect((await repo.listVotes(caseId)).map((v) => v.orgId)).toEqual(['vt']);
      expect((await repo.listContributions(caseId)).map((c) => c.orgId)).toEqual(['rvdk']);
      expect(await repo.getCardRef(caseId)).not.toBeNull();
      expect(await repo.listAudit(caseId)).toEqual(auditBefore);
      // The new process can still act on the card posted by the old one.
      const updates = stub.successful('update').length;
      await sendActivity(second.base, executeInvoke(stub.url, USERS.om, VERBS.voteNoConcern, { caseId }));
      await waitFor('update after restart', () => stub.successful('update').length > updates || undefined);
    } finally {
      await second.stop();
    }
  });
});
