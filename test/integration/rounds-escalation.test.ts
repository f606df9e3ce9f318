import { INPUTS, VERBS } from '../../src/cards/verbs';
import { caseCode } from '../../src/domain/case-code';
import { ConnectorStub } from '../helpers/connector-stub';
import { CHANNEL, USERS } from '../helpers/fixtures';
import {
  aoPostsOf,
  channelActivity,
  invokeVerb,
  ManualClock,
  newCaseAt,
  sendActivity,
  settle,
  startTestHost,
  type TestHost,
  waitFor,
  greetAllUsers,
} from '../helpers/host';
import { HANDOVER_DATA } from '../helpers/handover';

jest.setTimeout(30_000);
const MINUTE = 60_000;
let t: TestHost;
let clock: ManualClock;

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);

const newCase = () => newCaseAt(t, clock);

const aoPosts = (caseId: string) => aoPostsOf(t, caseId);
const threadReplies = async (caseId: string) => {
  const ref = await t.host.deps.repo.getCardRef(caseId);
  return t.stub.successful('send').filter((c) => ref && c.conversationId === ref.conversationId);
};

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T19:00:00Z'));
  // One host serves every test of this file, so its channel thread gets more than Teams' 60 posts per
  // 30 s when the file runs fast; a deferral then waits for the host's (manual) clock, which only the
  // test moves. The 30-s window is raised here; the short windows stay as in Teams, and the limiter
  // itself (deferral, Retry-After) is tested in outbound-faults.test.ts.
  t = await startTestHost({ clock, env: { TEAMS_RATE_LIMITS: '7/1000,8/2000,600/30000,1800/3600000' } });
  await greetAllUsers(t);
});
afterAll(async () => {
  await t.stop();
});

/** Police adds an action for itself to the case (what, due date and time as the card's inputs). */
const addPoliceAction = (caseId: string, what: string, dueDate: string, dueTime: string) =>
  invoke(USERS.politie, VERBS.addAction, {
    caseId,
    [INPUTS.actionWhat]: what,
    [INPUTS.actionOrg]: 'politie',
    [INPUTS.actionDueDate]: dueDate,
    [INPUTS.actionDueTime]: dueTime,
  });

describe('rounds and escalation to the Actieoverleg', () => {
  it('two rounds with buikpijn from two organisations lead to one Actieoverleg card; the case card says so', async () => {
    const caseId = await newCase();
    await invoke(USERS.politie, VERBS.voteConcern, {
      caseId,
      [INPUTS.voteReason]: 'Eerdere meldingen, patroon',
      [INPUTS.voteAcute]: 'false',
    });
    await invoke(USERS.rvdk, VERBS.voteConcern, {
      caseId,
      [INPUTS.voteReason]: 'Kinderen in beeld bij de Raad',
      [INPUTS.voteAcute]: 'false',
    });
    expect(await invoke(USERS.politie, VERBS.closeRound, { caseId })).toContain('Alleen de voorzitter');
    expect(await invoke(USERS.om, VERBS.closeRound, { caseId })).toContain('Ronde 1 is gesloten');
    expect(await invoke(USERS.om, VERBS.startRound, { caseId })).toContain('Ronde 2 is gestart');
    expect(await t.host.deps.repo.getEscalation(caseId)).toBeNull();

    await invoke(USERS.politie, VERBS.voteConcern, {
      caseId,
      [INPUTS.voteReason]: 'Nog steeds zorgen over herhaling',
      [INPUTS.voteAcute]: 'false',
    });
    await invoke(USERS.rvdk, VERBS.voteConcern, {
      caseId,
      [INPUTS.voteReason]: 'Veiligheid kinderen niet geborgd',
      [INPUTS.voteAcute]: 'false',
    });
    const escalation = await t.host.deps.repo.getEscalation(caseId);
    expect(escalation?.body).toMatchObject({ rule: 'persistent_several_orgs', orgs: ['politie', 'rvdk'] });
    expect(escalation?.body.attendees).toEqual(expect.arrayContaining(['politie', 'vt', 'om', '3ro', 'rvdk']));

    await settle(t);
    expect(aoPosts(caseId)).toHaveLength(1);
    const aoCard = JSON.stringify(ConnectorStub.cardOf(aoPosts(caseId)[0].body));
    // The Actieoverleg channel gets the minimal message; the invitees open the card personally.
    expect(aoCard).not.toContain('Veiligheid kinderen niet geborgd');
    expect(aoCard).toContain('Geëscaleerd naar het Actieoverleg: ja');
    const personal = await invoke(USERS.shn, VERBS.aoOpen, { caseId });
    expect(personal).toContain('Veiligheid kinderen niet geborgd');
    expect(personal).toContain('13');
    expect(await invoke(USERS.otherLocation, VERBS.aoOpen, { caseId })).not.toContain('Veiligheid kinderen');
    // More votes do not escalate again.
    await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Bekend bij VT', [INPUTS.voteAcute]: 'true' });
    await settle(t);
    expect(aoPosts(caseId)).toHaveLength(1);
    const audit = await t.host.deps.repo.listAudit(caseId);
    expect(audit.filter((a) => a.action === 'case.escalated')).toHaveLength(1);
  });

  it('acuut onveilig escalates at once, exactly once even when many votes arrive together', async () => {
    const caseId = await newCase();
    await Promise.all(
      [USERS.politie, USERS.rvdk, USERS.vt, USERS.shn, USERS.reclassering].map((u) =>
        invoke(u, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Direct gevaar', [INPUTS.voteAcute]: 'true' }),
      ),
    );
    await settle(t);
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.rule).toBe('acute_unsafe');
    expect(aoPosts(caseId)).toHaveLength(1);
  });

  it('the first partner becomes casusverantwoordelijke; a second is refused; only the chair edits the question', async () => {
    const caseId = await newCase();
    await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Direct gevaar', [INPUTS.voteAcute]: 'true' });
    await settle(t);
    expect(await invoke(USERS.rvdk, VERBS.aoBecomeOwner, { caseId })).toContain('casusverantwoordelijke');
    expect(await invoke(USERS.politie, VERBS.aoBecomeOwner, { caseId })).toContain('Er is al een casusverantwoordelijke');
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.caseOwner?.orgId).toBe('rvdk');
    expect(
      await invoke(USERS.politie, VERBS.aoEditQuestion, {
        caseId,
        [INPUTS.aoQuestion]: 'Vervolgen, ja of nee? En wie ziet toe op het contactverbod?',
      }),
    ).toContain('Alleen de voorzitter');
    expect(
      await invoke(USERS.om, VERBS.aoEditQuestion, {
        caseId,
        [INPUTS.aoQuestion]: 'Vervolgen, ja of nee? En wie ziet toe op het contactverbod?',
      }),
    ).toContain('aangepast');
    expect((await t.host.deps.repo.getEscalation(caseId))?.body.question).toContain('contactverbod');
    await settle(t);
    const ref = (await t.host.deps.repo.getEscalation(caseId))?.body.actieoverlegRef;
    const updated = t.stub.successful('update').filter((c) => c.activityId === ref?.activityId);
    expect(updated.length).toBeGreaterThan(0);
    expect(JSON.stringify(updated[updated.length - 1]?.body)).not.toContain('contactverbod');
    expect(await invoke(USERS.rvdk, VERBS.aoOpen, { caseId })).toContain('contactverbod');
  });
});

describe('regie, actions, closing', () => {
  it('regie is held by one organisation at a time and handed over by the lead or the chair', async () => {
    const caseId = await newCase();
    await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
    expect(await invoke(USERS.reclassering, VERBS.takeLead, { caseId })).toContain('heeft de regie al');
    expect(await invoke(USERS.politie, VERBS.handOverLead, { caseId, [INPUTS.leadTo]: 'politie' })).toContain('Alleen de regiehouder');
    await invoke(USERS.rvdk, VERBS.handOverLead, { caseId, [INPUTS.leadTo]: '3ro' });
    expect((await t.host.deps.repo.getCase(caseId))?.caseLead?.orgId).toBe('3ro');
  });

  it('actions carry a due moment in Dutch time and get a verdict from the organisation doing them', async () => {
    const caseId = await newCase();
    expect(await addPoliceAction(caseId, 'Huisverbod voorbereiden', '2026-11-23', '22:00')).toContain('toegevoegd');
    const action = (await t.host.deps.repo.getCase(caseId))!.actions[0];
    expect(action.dueAt).toBe('2026-11-23T21:00:00.000Z'); // 22:00 in Amsterdam (CET)
    expect(await addPoliceAction(caseId, 'Te laat', '2026-11-22', '10:00')).toContain('toekomst');
    expect(await invoke(USERS.shn, VERBS.settleAction, { caseId, actionId: action.id, [INPUTS.actionVerdict]: 'done' })).toContain(
      'Alleen de uitvoerende',
    );
    await invoke(USERS.politie, VERBS.settleAction, { caseId, actionId: action.id, [INPUTS.actionVerdict]: 'circumstances_changed' });
    expect((await t.host.deps.repo.getCase(caseId))!.actions[0].status).toBe('circumstances_changed');
  });

  it('a card posted before the English values still submits the old Dutch choice: stored as the new value', async () => {
    const caseId = await newCase();
    await addPoliceAction(caseId, 'Huisverbod voorbereiden', '2026-11-23', '22:00');
    const action = (await t.host.deps.repo.getCase(caseId))!.actions[0];
    await invoke(USERS.politie, VERBS.settleAction, { caseId, actionId: action.id, [INPUTS.actionVerdict]: 'gedaan' });
    expect((await t.host.deps.repo.getCase(caseId))!.actions[0].status).toBe('done');
    await invoke(USERS.vt, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Gezin bekend bij VT sinds 2024.',
      [INPUTS.contribSource]: 'gesprek_betrokkene',
      [INPUTS.contribNeedToKnow]: 'Eerdere meldingen bepalen het risico.',
    });
    expect((await t.host.deps.repo.listContributions(caseId)).map((c) => c.source)).toEqual(['talk_with_involved']);
  });

  it('closes only without remaining buikpijn, or by the chair with a reason that stays visible', async () => {
    const caseId = await newCase();
    await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Zorgen over de kinderen', [INPUTS.voteAcute]: 'false' });
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    expect(await invoke(USERS.om, VERBS.closeCase, { caseId, ...HANDOVER_DATA })).toContain('nog buikpijn');
    expect(await invoke(USERS.om, VERBS.closeDespiteConcern, { caseId, ...HANDOVER_DATA, [INPUTS.closeReason]: 'kort' })).toContain(
      'niet volledig',
    );
    await invoke(USERS.om, VERBS.closeDespiteConcern, {
      caseId,
      ...HANDOVER_DATA,
      [INPUTS.closeReason]: 'Besluit genomen: voorgeleiding; VT volgt het gezin.',
    });
    const closed = await t.host.deps.repo.getCase(caseId);
    expect(closed).toMatchObject({ status: 'closed', closure: { despiteConcern: true, remainingConcern: ['vt'] } });
    expect(await invoke(USERS.politie, VERBS.voteNoConcern, { caseId })).toContain('gesloten');
  });
});

describe('durable timers (driven by a test clock)', () => {
  it('reminds the thread of missing votes, then asks the deputy, and reminds before the termijn', async () => {
    const caseId = await newCase();
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    await invoke(USERS.om, VERBS.startRound, { caseId });
    await invoke(USERS.politie, VERBS.voteNoConcern, { caseId });
    const before = (await threadReplies(caseId)).length;
    clock.advance(16 * MINUTE);
    await settle(t);
    const first = (await threadReplies(caseId)).slice(before);
    expect(first).toHaveLength(1);
    expect(JSON.stringify(first[0].body)).toContain('Veilig Thuis');
    expect(JSON.stringify(first[0].body)).not.toContain('Politie,');
    clock.advance(15 * MINUTE);
    await settle(t);
    const deputy = (await threadReplies(caseId)).slice(before + 1);
    expect(deputy).toHaveLength(1);
    expect(JSON.stringify(deputy[0].body)).toContain(`29:${USERS.vtDeputy}`);
    // Termijn: six hours after intake; the reminder an hour before.
    clock.advance(5 * 60 * MINUTE);
    await settle(t);
    expect((await threadReplies(caseId)).slice(before + 2).some((c) => JSON.stringify(c.body).includes('ZSM-termijn'))).toBe(true);
  });

  it('door-agenderen: one reminder in the channel at that moment, listing the cases on that agenda', async () => {
    const a = await newCase();
    const b = await newCase();
    const when = new Date(clock.now().getTime() + 2 * 60 * MINUTE);
    const date = when.toISOString().slice(0, 10);
    const time = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(when);
    for (const caseId of [a, b])
      expect(await invoke(USERS.om, VERBS.reAgenda, { caseId, [INPUTS.reAgendaDate]: date, [INPUTS.reAgendaTime]: time })).toContain(
        'Door-geagendeerd',
      );
    const creates = t.stub.successful('create').length;
    clock.advance(2 * 60 * MINUTE + MINUTE);
    await settle(t);
    const agendaPosts = t.stub
      .successful('create')
      .slice(creates)
      .filter((c) => (c.body.channelData as { channel: { id: string } }).channel.id === CHANNEL);
    expect(agendaPosts).toHaveLength(1);
    const text = JSON.stringify(agendaPosts[0].body);
    expect(text).toContain(caseCode(a));
    expect(text).toContain(caseCode(b));
  });

  it('"agenda" in the channel lists the open cases of the location', async () => {
    await newCase();
    const sends = t.stub.successful('send').length;
    await sendActivity(t.base, channelActivity(t.stub.url, USERS.politie, { type: 'message', text: 'agenda' }));
    const reply = await waitFor('agenda reply', () => t.stub.successful('send').slice(sends)[0]);
    expect(JSON.stringify(reply.body)).toContain('AdaptiveCard');
  });
});
