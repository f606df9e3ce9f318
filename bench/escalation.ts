import { INPUTS, VERBS } from '../src/cards/verbs';
import { AO_CHANNEL, sampleIntake, USERS } from '../test/helpers/fixtures';
import { channelActivity, executeInvoke, postSignedCase, sendActivity, startTestHost, waitFor } from '../test/helpers/host';

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Time from the vote that triggers an escalation (acuut onveilig) to the Actieoverleg card at "Teams". */
export async function benchEscalation(n = 20): Promise<void> {
  const t = await startTestHost();
  try {
    await sendActivity(t.base, channelActivity(t.stub.url, USERS.vt, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }));
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const { caseId } = (await (await postSignedCase(t.base, sampleIntake())).json()) as { caseId: string };
      await waitFor('card', () => t.host.deps.repo.getCardRef(caseId).then((r) => r ?? undefined));
      const start = performance.now();
      await sendActivity(
        t.base,
        executeInvoke(t.stub.url, USERS.vt, VERBS.voteConcern, {
          caseId,
          [INPUTS.voteReason]: 'Direct gevaar',
          [INPUTS.voteAcute]: 'true',
        }),
      );
      await waitFor(
        'Actieoverleg post',
        () =>
          t.stub
            .successful('create')
            .some(
              (c) =>
                (c.body.channelData as { channel: { id: string } }).channel.id === AO_CHANNEL &&
                JSON.stringify(c.body).includes(caseId.slice(0, 8)),
            ) || undefined,
      );
      times.push(performance.now() - start);
    }
    const posts = t.stub
      .successful('create')
      .filter((c) => (c.body.channelData as { channel: { id: string } }).channel.id === AO_CHANNEL).length;
    console.log(
      `   ${n} escalations (acuut onveilig): vote → Actieoverleg card p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms; ${posts} posts for ${n} cases`,
    );
  } finally {
    await t.stop();
  }
}
