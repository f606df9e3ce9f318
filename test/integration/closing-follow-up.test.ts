import { INPUTS, VERBS } from '../../src/cards/verbs';
import { VD_INPUTS as I, VD_VERBS } from '../../src/cards/verdieping-inputs';
import type { Case } from '../../src/domain/case';
import { startCourseHost } from '../helpers/course-host';
import { testRoster, USERS } from '../helpers/fixtures';
import { HANDOVER_DATA } from '../helpers/handover';
import { invokeVerb, ManualClock, newCaseAt, sendActivity, settle, type TestHost } from '../helpers/host';
import { personalExecuteInvoke } from '../helpers/personal-chat';

/**
 * Closing with a handover (issue 15 item 2) under the safety plan's rule (issue 14), and "wat is
 * ervan gekomen?" that reaches the case lead with its reminders (issue 15 item 4): through HTTP, the
 * real SQLite store, the job loop and the Connector stub, with a test clock.
 */
jest.setTimeout(90_000);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t: TestHost;
let clock: ManualClock;

/** The default receiving parties plus jeugdbescherming at the RvdK, a partner in Teams (it gets terugkoppeling). */
function roster() {
  const r = testRoster();
  r.locations[0] = {
    ...r.locations[0]!,
    aftercare: {
      receivingParties: [
        { id: 'rvdk-jb', kind: 'save_jeugdbescherming', label: 'Jeugdbescherming (RvdK)', teamsOrg: 'rvdk' },
        { id: 'wijkteam', kind: 'wijkteam', label: 'Wijkteam' },
        { id: 'geen', kind: 'none', label: 'Geen overdracht' },
      ],
      followUp: { reminderAfterHours: 48, maxReminders: 2 },
    },
  };
  return r;
}

const invoke = (from: string, verb: string, data: Record<string, unknown>) => invokeVerb(t, from, verb, data);
const sends = () => t.stub.successful('send');
const personal = (aad: string, text: string) =>
  sends().filter((c) => c.conversationId === `a:personal-${aad}` && JSON.stringify(c.body).includes(text));
const inThread = async (caseId: string, text: string) => {
  const ref = await t.host.deps.repo.getCardRef(caseId);
  return sends().filter((c) => c.conversationId === ref?.conversationId && JSON.stringify(c.body).includes(text));
};
const theCase = async (caseId: string) => (await t.host.deps.repo.getCase(caseId)) as Case;

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T14:00:00Z'));
  t = await startCourseHost({ clock, roster: roster(), personal: [USERS.ovj, USERS.politie, USERS.rvdk, USERS.om] });
});
afterAll(async () => {
  await t.stop();
});

describe('closing with a handover', () => {
  it('the chair opens the close view, must name who takes over, and the receiving partner and contributors hear it', async () => {
    const caseId = await newCaseAt(t, clock);
    await invoke(USERS.politie, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Eerder contact met wijkteam over opvoedondersteuning.',
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: 'Bepaalt wie de zaak overneemt.',
    });
    await invoke(USERS.om, VERBS.closeRound, { caseId });

    // Only the chair may open the close view and close.
    expect(await invoke(USERS.om, VERBS.closeForm, { caseId })).toContain('Wie neemt de zaak over?');
    expect(await invoke(USERS.politie, VERBS.closeCase, { caseId, ...HANDOVER_DATA })).toContain('voorzitter');

    // Without a receiving party: refused, the close view again with the hint; what was typed kept; nothing written.
    const refused = await invoke(USERS.om, VERBS.closeCase, { caseId, [INPUTS.handoverNote]: 'Wijkteam is gebeld' });
    expect(refused).toContain('Kies wie de zaak overneemt');
    expect(refused).toContain('Wijkteam is gebeld');
    // To nobody without a reason; to a party with nothing handed over.
    expect(await invoke(USERS.om, VERBS.closeCase, { caseId, [INPUTS.handoverParty]: 'geen' })).toContain('waarom niemand');
    expect(await invoke(USERS.om, VERBS.closeCase, { caseId, [INPUTS.handoverParty]: 'rvdk-jb' })).toContain(
      'Kies wat er wordt overgedragen',
    );
    expect((await theCase(caseId)).status).toBe('open');

    const closed = await invoke(USERS.om, VERBS.closeCase, {
      caseId,
      [INPUTS.handoverParty]: 'rvdk-jb',
      // A close form posted before issue 11 item 6 sends the Dutch item names: stored as the English ones.
      [INPUTS.handoverItems]: 'veiligheidsplan,advies_ovj',
      [INPUTS.handoverNote]: 'Toezicht loopt via de gezinsvoogd',
    });
    expect(closed).toContain('Overgedragen aan Jeugdbescherming (RvdK): veiligheidsplan, advies aan de ovj.');
    expect((await theCase(caseId)).closure).toMatchObject({
      despiteConcern: false,
      handover: {
        partyId: 'rvdk-jb',
        handedOver: ['safety_plan', 'ovj_advice'],
        notifyOrg: 'rvdk',
        note: 'Toezicht loopt via de gezinsvoogd',
      },
    });
    const audit = (await t.host.deps.repo.listAudit(caseId)).filter((a) => a.action === 'case.close');
    expect(audit.map((a) => a.detail)).toEqual([{ despiteConcern: false, handoverTo: 'rvdk-jb', handedOver: 'safety_plan,ovj_advice' }]);
    expect(JSON.stringify(audit)).not.toContain('gezinsvoogd');

    await settle(t);
    // The thread: that it closed and to whom, not what.
    expect(await inThread(caseId, 'gesloten en overgedragen aan Jeugdbescherming (RvdK)')).toHaveLength(1);
    expect(await inThread(caseId, 'gezinsvoogd')).toHaveLength(0);
    // The receiving partner (rvdk, in Teams) and the contributor (politie), 1:1 with what was handed over.
    expect(personal(USERS.rvdk, 'ontvangende partij')).toHaveLength(1);
    expect(personal(USERS.rvdk, 'gezinsvoogd')).toHaveLength(1);
    expect(personal(USERS.politie, 'Overgedragen: veiligheidsplan, advies aan de ovj.')).toHaveLength(1);
    expect(personal(USERS.politie, 'ontvangende partij')).toHaveLength(0);
    // A second close of the closed case changes nothing and sends nothing.
    expect(await invoke(USERS.om, VERBS.closeCase, { caseId, ...HANDOVER_DATA })).toContain('gesloten');
    await settle(t);
    expect(personal(USERS.rvdk, 'ontvangende partij')).toHaveLength(1);
  });

  it('in verdieping a case closes normally only when everyone in the safety plan has a holder; "ondanks" needs the chair\'s reason', async () => {
    const caseId = await newCaseAt(t, clock);
    await invoke(USERS.om, VD_VERBS.enter, { caseId, [I.reason]: 'termijn_case', [I.date]: '2026-11-25', [I.time]: '10:00' });
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    expect(await invoke(USERS.om, VERBS.closeForm, { caseId })).toContain(
      'Niemand verantwoordelijk voor de veiligheid van: slachtoffer, 31 jr, kind, 13 jr, kind, 9 jr.',
    );
    expect(await invoke(USERS.om, VERBS.closeCase, { caseId, ...HANDOVER_DATA })).toContain('niet iedereen in het veiligheidsplan');
    expect(await invoke(USERS.om, VERBS.closeDespiteConcern, { caseId, ...HANDOVER_DATA, [INPUTS.closeReason]: 'kort' })).toContain(
      'niet volledig',
    );
    expect((await theCase(caseId)).status).toBe('open');

    const entry = (person: string) => ({
      caseId,
      [I.person]: person,
      [I.holderOrg]: 'rvdk',
      [I.measure]: 'Gezinsvoogd houdt toezicht',
      [I.status]: 'running',
      [I.checkDate]: '2026-12-01',
    });
    for (const p of ['slachtoffer-1', 'kind-1'])
      expect(await invoke(USERS.rvdk, VD_VERBS.setSafety, entry(p))).toContain('veiligheidsplan');
    expect(await invoke(USERS.om, VERBS.closeCase, { caseId, ...HANDOVER_DATA })).toContain('niet iedereen in het veiligheidsplan');

    const reason = 'Kind 2 woont bij grootouders; afgestemd met de OvJ.';
    expect(await invoke(USERS.om, VERBS.closeDespiteConcern, { caseId, ...HANDOVER_DATA, [INPUTS.closeReason]: reason })).toContain(
      'Gesloten ondanks het veiligheidsplan: niemand verantwoordelijk voor kind, 9 jr.',
    );
    expect((await theCase(caseId)).closure).toMatchObject({
      despiteSafety: true,
      unplacedSafety: ['kind-2'],
      reason,
      handover: { partyId: 'wijkteam' },
    });
  });
});

describe('"wat is ervan gekomen?" reaches the case lead', () => {
  it('asked 1:1 with a mention in the thread, reminded twice while unanswered, and the answer reaches the OvJ and the contributors', async () => {
    const caseId = await newCaseAt(t, clock);
    await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
    await invoke(USERS.politie, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Contactverbod eerder overtreden.',
      [INPUTS.contribSource]: 'own_system',
      [INPUTS.contribNeedToKnow]: 'Bepaalt de voorwaarden.',
    });
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    await sendActivity(
      t.base,
      personalExecuteInvoke(t.stub.url, USERS.ovj, VERBS.decide, { caseId, [INPUTS.decisionInterventions]: 'contactverbod' }),
    );
    expect((await t.host.deps.repo.getAdvice(caseId))?.body.status).toBe('decided');
    await settle(t);
    const QUESTION = 'Wat is er gekomen van het besluit van de OvJ';
    expect(personal(USERS.rvdk, QUESTION)).toHaveLength(0);

    // 14 days after the decision: 1:1 to the lead (RvdK), and a mention of the lead in the thread.
    clock.advance(14 * DAY + HOUR);
    await settle(t);
    expect(personal(USERS.rvdk, QUESTION)).toHaveLength(1);
    const asked = await inThread(caseId, 'Wat is er gekomen van het besluit in zaak');
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(asked[0]!.body)).toContain('<at>regiehouder Raad voor de Kinderbescherming</at>');
    expect((asked[0]!.body.entities as { type: string }[]).map((e) => e.type)).toEqual(['mention']);
    expect((await t.host.deps.repo.getAdvice(caseId))?.body.followUp).toMatchObject({
      addressee: { orgId: 'rvdk', aadObjectIds: [USERS.rvdk] },
      remindersSent: 0,
    });

    // Unanswered: a reminder 48 h later, a second 48 h after that, then no more (maxReminders 2).
    clock.advance(47 * HOUR);
    await settle(t);
    expect(personal(USERS.rvdk, 'Herinnering 1')).toHaveLength(0);
    clock.advance(HOUR);
    await settle(t);
    expect(personal(USERS.rvdk, 'Herinnering 1')).toHaveLength(1);
    expect(await inThread(caseId, 'Herinnering: wat is er gekomen')).toHaveLength(1);
    clock.advance(48 * HOUR);
    await settle(t);
    expect(personal(USERS.rvdk, 'Herinnering 2')).toHaveLength(1);
    clock.advance(96 * HOUR);
    await settle(t);
    expect(personal(USERS.rvdk, 'Herinnering')).toHaveLength(2);
    expect((await t.host.deps.repo.getAdvice(caseId))?.body.followUp).toMatchObject({ remindersSent: 2 });
    // The OvJ's advice card says whom it was asked of and how often it was reminded.
    const adviceActivity = (await t.host.deps.repo.getAdvice(caseId))?.body.adviceRef?.activityId;
    const adviceUpdates = t.stub.successful('update').filter((c) => c.activityId === adviceActivity);
    expect(JSON.stringify(adviceUpdates[adviceUpdates.length - 1]?.body)).toContain('Gevraagd aan Raad voor de Kinderbescherming');
    expect(JSON.stringify(adviceUpdates[adviceUpdates.length - 1]?.body)).toContain('2 herinneringen verstuurd.');

    // The answer: the OvJ's advice card is updated with it, the contributor hears it 1:1, the case stays open.
    const adviceRef = (await t.host.deps.repo.getAdvice(caseId))?.body.adviceRef;
    const updatesBefore = t.stub.successful('update').filter((c) => c.activityId === adviceRef?.activityId).length;
    expect(
      await invoke(USERS.rvdk, VERBS.followUp, {
        caseId,
        [INPUTS.followUpText]: 'Contactverbod nageleefd.',
        [INPUTS.followUpClose]: 'false',
      }),
    ).toContain('terugkoppeling');
    await settle(t);
    const updates = t.stub.successful('update').filter((c) => c.activityId === adviceRef?.activityId);
    expect(updates.length).toBe(updatesBefore + 1);
    expect(JSON.stringify(updates[updates.length - 1]!.body)).toContain('Contactverbod nageleefd.');
    expect(personal(USERS.politie, 'Contactverbod nageleefd.')).toHaveLength(1);
    expect((await theCase(caseId)).status).toBe('open');

    // Closing with the answer needs the handover as well.
    clock.advance(HOUR);
    expect(
      await invoke(USERS.rvdk, VERBS.followUp, { caseId, [INPUTS.followUpText]: 'Afgerond.', [INPUTS.followUpClose]: 'true' }),
    ).toContain('Kies wie de zaak overneemt');
    expect((await theCase(caseId)).status).toBe('open');
  });
});
