jest.setTimeout(60_000);
import { INPUTS, VERBS } from '../../src/cards/verbs';
import { PARTNER_ORGS } from '../../src/domain/orgs';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, testRoster } from '../helpers/fixtures';
import { channelActivity, executeInvoke, postSignedCase, sendActivity, startTestHost, waitFor, type TestHost } from '../helpers/host';
import { closeSharedCosmosServer, makeDocStore, storeKinds, type TestStore } from '../helpers/stores';

/** 20 partners voting and 20 contributing at the same moment on one case, through the real bot. */
describe.each(storeKinds)('concurrent card actions on %s', (kind) => {
  let store: TestStore;
  let t: TestHost;
  // 20 extra members spread over six organisations, all on the roster of the location. VT (expected)
  // does not vote, so the round stays open: a round in which everyone voted closes itself.
  const orgs = PARTNER_ORGS.filter((o) => o !== 'vt');
  const voters = Array.from({ length: 20 }, (_, i) => ({ aad: `aad-load-${i}`, org: orgs[i % orgs.length] }));

  beforeAll(async () => {
    store = await makeDocStore(kind);
    const roster = testRoster();
    roster.members.push(
      ...voters.map((v) => ({ aadObjectId: v.aad, orgId: v.org, roles: ['member' as const], locations: ['midden-nederland'] })),
    );
    t = await startTestHost({ db: store.db, roster });
    await sendActivity(
      t.base,
      channelActivity(t.stub.url, voters[0].aad, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
    );
  });
  afterAll(async () => {
    await t.stop();
    await store.cleanup();
    await closeSharedCosmosServer();
  });

  it('loses nothing and ends with a card that shows everything', async () => {
    const { caseId } = (await (await postSignedCase(t.base, sampleIntake())).json()) as { caseId: string };
    await waitFor('card ref', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
    const responses = await Promise.all([
      ...voters.map((v, i) =>
        sendActivity(
          t.base,
          executeInvoke(t.stub.url, v.aad, VERBS.voteConcern, {
            caseId,
            [INPUTS.voteReason]: `zorg-${i}-einde`,
            [INPUTS.voteAcute]: 'false',
          }),
        ),
      ),
      ...voters.map((v, i) =>
        sendActivity(
          t.base,
          executeInvoke(t.stub.url, v.aad, VERBS.addContribution, {
            caseId,
            [INPUTS.contribText]: `bijdrage-${i}`,
            [INPUTS.contribSource]: 'own_system',
            [INPUTS.contribNeedToKnow]: 'Nodig voor het beeld van de veiligheid.',
          }),
        ),
      ),
    ]);
    // (a refusal's text in the failure, so a lost race shows what the user was told)
    for (const r of responses) {
      const b = r.body as { type: string; value: unknown };
      expect(b.type === 'application/vnd.microsoft.card.adaptive' ? b.type : `${b.type}: ${String(b.value)}`).toBe(
        'application/vnd.microsoft.card.adaptive',
      );
    }

    const contributions = await t.host.deps.repo.listContributions(caseId);
    expect(contributions.map((c) => c.text).sort()).toEqual(voters.map((_, i) => `bijdrage-${i}`).sort());
    const votes = await t.host.deps.repo.listVotes(caseId);
    expect(votes.map((v) => v.orgId).sort()).toEqual([...orgs].sort());
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'vote.cast')).toHaveLength(20);
    expect(audit.filter((a) => a.action === 'contribution.add')).toHaveLength(20);

    // The posted card converges on the final state (the coalesced refresh renders the newest state).
    await waitFor(
      'final card',
      async () => {
        await t.host.runner.runOnce();
        const updates = t.stub.successful('update');
        const last = updates[updates.length - 1];
        const card = last ? JSON.stringify(ConnectorStub.cardOf(last.body)) : '';
        // The channel message: where the round stands (every organisation voted buikpijn), no reason.
        return card.includes(`ronde 1 · ${votes.length} van 7 gestemd · ${votes.length} buikpijn`) ? card : undefined;
      },
      20_000,
    ).then((card) => expect(card).not.toContain('zorg-'));
    // The personal view shows everything.
    const opened = await sendActivity(t.base, executeInvoke(t.stub.url, voters[0].aad, VERBS.open, { caseId }));
    const personal = JSON.stringify((opened.body as { value: unknown }).value);
    for (const v of votes) expect(personal).toContain(v.reason ?? '(none)');
  });
});
