import { DIALOGS, INPUTS, VERBS } from '../../src/cards/verbs';
import { nlDialogsInline } from '../../src/i18n/nl/dialogs-inline';
import { sampleIntake, USERS } from '../helpers/fixtures';
import { channelActivity, executeInvoke, postSignedCase, sendActivity, settle, startTestHost, type TestHost } from '../helpers/host';

/**
 * Issue 12, item 4: where a client cannot open a dialog, the same view or input appears in the
 * message itself. Driven through the real HTTP server from the buttons the cards really carry.
 */
jest.setTimeout(60_000);
let t: TestHost;

type Node = Record<string, unknown>;
interface InvokeBody {
  type: string;
  value: unknown;
}

function nodes(x: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(x)) x.forEach((v) => nodes(v, out));
  else if (x && typeof x === 'object') {
    out.push(x as Node);
    Object.values(x).forEach((v) => nodes(v, out));
  }
  return out;
}

async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<InvokeBody> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return res.body as InvokeBody;
}

const card = (b: InvokeBody): Node => {
  expect(b.type).toBe('application/vnd.microsoft.card.adaptive');
  return b.value as Node;
};
const executeTitled = (c: unknown, title: string): Node | undefined =>
  nodes(c).find((n) => n.type === 'Action.Execute' && n.title === title);

async function newCase(): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake());
  const { caseId } = (await res.json()) as { caseId: string };
  await settle(t);
  return caseId;
}

beforeAll(async () => {
  t = await startTestHost();
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
});
afterAll(async () => {
  await t.stop();
});

describe('"Details" in the message itself (no dialog)', () => {
  it('the case card offers it under "Meer tonen"; it shows the details, audits the read, and goes back to the case', async () => {
    const caseId = await newCase();
    await invoke(USERS.politie, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Eerder melding van huiselijk geweld op dit adres.',
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: 'Patroon bepaalt de risico-inschatting.',
    });
    await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Kinderen onveilig thuis', [INPUTS.voteAcute]: 'false' });
    const caseCard = card(await invoke(USERS.rvdk, VERBS.refresh, { caseId }));
    const button = executeTitled(caseCard, nlDialogsInline.details.hereButton);
    expect(button).toMatchObject({ verb: VERBS.detailsHere, data: { caseId } });

    const before = (await t.host.deps.repo.listAudit(caseId)).filter((a) => a.action === 'case.detailsRead').length;
    const details = card(await invoke(USERS.rvdk, String(button?.verb), button?.data as Record<string, unknown>));
    const text = JSON.stringify(details);
    expect(text).toContain('Eerder melding van huiselijk geweld op dit adres.');
    expect(text).toContain('Kinderen onveilig thuis');
    // The same content as the dialog, within the case card's size limit (UTF-16).
    expect(text.length * 2).toBeLessThanOrEqual(38 * 1024);
    const audit = (await t.host.deps.repo.listAudit(caseId)).filter((a) => a.action === 'case.detailsRead');
    expect(audit.length).toBe(before + 1);
    expect(audit.at(-1)?.actorOrg).toBe('rvdk');

    const back = executeTitled(details, nlDialogsInline.backToCase);
    expect(back).toMatchObject({ verb: VERBS.open, data: { caseId } });
    const again = card(await invoke(USERS.rvdk, String(back?.verb), back?.data as Record<string, unknown>));
    expect(executeTitled(again, nlDialogsInline.details.hereButton)).toBeDefined();
  });

  it('refuses someone outside the roster, with no details in the answer and no read audited', async () => {
    const caseId = await newCase();
    const out = await invoke(USERS.outsider, VERBS.detailsHere, { caseId });
    expect(out.type).not.toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(out.value)).toMatch(/niet op het rooster/);
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.some((a) => a.action === 'case.detailsRead')).toBe(false);
  });

  it('refuses data it does not know (strict schema), changing nothing', async () => {
    const caseId = await newCase();
    const out = await invoke(USERS.rvdk, VERBS.detailsHere, { caseId, extra: 'x' });
    expect(out.type).not.toBe('application/vnd.microsoft.card.adaptive');
  });
});

describe('"Advies aanpassen" in the message itself (no dialog)', () => {
  it("answers the dialog's form (same inputs), which submits with Action.Execute and changes the advice", async () => {
    const caseId = await newCase();
    await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    const versionBefore = (await t.host.deps.repo.getAdvice(caseId))!.body.draft.version;

    const form = card(await invoke(USERS.rvdk, VERBS.editAdviceHere, { caseId }));
    const submit = nodes(form).find((n) => n.type === 'Action.Execute' && n.verb === VERBS.editAdvice);
    expect(submit).toMatchObject({ verb: VERBS.editAdvice, data: { caseId }, associatedInputs: 'auto' });
    expect(executeTitled(form, nlDialogsInline.backToCase)).toMatchObject({ verb: VERBS.open, data: { caseId } });

    // The same inputs as the dialog.
    const ids = (c: unknown) =>
      nodes(c)
        .filter((n) => String(n.type).startsWith('Input.'))
        .map((n) => n.id)
        .sort();
    const dialog = await sendActivity(
      t.base,
      channelActivity(t.stub.url, USERS.rvdk, {
        type: 'invoke',
        name: 'task/fetch',
        value: { data: { dialog: DIALOGS.editAdvice, caseId }, context: { theme: 'default' } },
      }),
    );
    const dialogCard = (dialog.body as { task: { value: { card: { content: unknown } } } }).task.value.card.content;
    expect(ids(form)).toEqual(ids(dialogCard));
    expect(ids(form)).toEqual(expect.arrayContaining([INPUTS.adviceSummary, INPUTS.adviceInterventions]));

    // Submit what the form carries, with the inputs filled in as a client would merge them.
    const answer = await invoke(USERS.rvdk, String(submit?.verb), {
      ...(submit?.data as Record<string, unknown>),
      [INPUTS.adviceSummary]: 'Inline aangepast advies: contactverbod en melding Veilig Thuis.',
      [INPUTS.adviceInterventions]: 'contactverbod',
      [INPUTS.advicePiiConfirm]: 'false',
    });
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const advice = (await t.host.deps.repo.getAdvice(caseId))!.body;
    expect(advice.draft.summary).toBe('Inline aangepast advies: contactverbod en melding Veilig Thuis.');
    expect(advice.draft.interventions.map((i) => i.interventionId)).toEqual(['contactverbod']);
    expect(advice.draft.version).toBe(versionBefore + 1);
  });

  it('answers in Dutch when there is no concept to edit', async () => {
    const caseId = await newCase();
    const out = await invoke(USERS.rvdk, VERBS.editAdviceHere, { caseId });
    expect(out.type).not.toBe('application/vnd.microsoft.card.adaptive');
    expect(typeof out.value).toBe('string');
  });
});
