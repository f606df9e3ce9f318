import { mkdtempSync, rmSync } from 'node:fs';
import { caseCode } from '../../src/domain/case-code';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALOGS, INPUTS, VERBS } from '../../src/cards/verbs';
import { ConnectorStub } from '../helpers/connector-stub';
import { sampleIntake, USERS } from '../helpers/fixtures';
import {
  channelActivity,
  executeInvoke,
  ManualClock,
  postSignedCase,
  sendActivity,
  settle,
  startTestHost,
  type TestHost,
} from '../helpers/host';
import { openPersonalChats, personalExecuteInvoke } from '../helpers/personal-chat';

/** Regression tests for issue 13 (advice, decision, terugkoppeling), through the real HTTP server and the Connector stub. */

jest.setTimeout(60_000);
let t: TestHost;
let clock: ManualClock;
const stub = new ConnectorStub();
const dir = mkdtempSync(join(tmpdir(), 'zsm-advicefix-'));

async function invoke(from: string, verb: string, data: Record<string, unknown>): Promise<string> {
  const res = await sendActivity(t.base, executeInvoke(t.stub.url, from, verb, data));
  expect(res.status).toBe(200);
  return JSON.stringify((res.body as { value: unknown }).value);
}

const ovjInvoke = (verb: string, data: Record<string, unknown>) =>
  sendActivity(t.base, personalExecuteInvoke(t.stub.url, USERS.ovj, verb, data));

const personal = (aad: string) => t.stub.successful('send').filter((c) => c.conversationId === `a:personal-${aad}`);

/** A case with a case lead (RvdK), one contribution by the police and VT's standing buikpijn. */
async function caseWithConcern(): Promise<string> {
  const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString() }), {
    timestamp: Math.floor(clock.now().getTime() / 1000),
  });
  const { caseId } = (await res.json()) as { caseId: string };
  await settle(t);
  await invoke(USERS.rvdk, VERBS.takeLead, { caseId });
  await invoke(USERS.politie, VERBS.addContribution, {
    caseId,
    [INPUTS.contribText]: 'Eerder B-SAFER afgenomen: hoog risico.',
    [INPUTS.contribSource]: 'own_system',
    [INPUTS.contribNeedToKnow]: 'Risicotaxatie bepaalt de veiligheidsmaatregel.',
  });
  await invoke(USERS.vt, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: 'Kinderen onveilig thuis', [INPUTS.voteAcute]: 'false' });
  await invoke(USERS.politie, VERBS.voteNoConcern, { caseId });
  return caseId;
}

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-11-23T14:00:00Z'));
  await stub.start();
  t = await startTestHost({ clock, dataDir: dir, stub });
  await sendActivity(
    t.base,
    channelActivity(t.stub.url, USERS.politie, { type: 'conversationUpdate', membersAdded: [{ id: '28:bot-id' }] }),
  );
  await openPersonalChats(t, [USERS.ovj, USERS.politie, USERS.rvdk, USERS.vt]);
});
afterAll(async () => {
  await t.stop();
  await stub.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('issue 13: advice, decision and terugkoppeling', () => {
  it('10: the terugkoppeling labels each part, and the organisation with buikpijn hears why the decision stands', async () => {
    const caseId = await caseWithConcern();
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    await ovjInvoke(VERBS.decide, {
      caseId,
      [INPUTS.decisionInterventions]: 'contactverbod',
      [INPUTS.decisionText]: 'Voorwaarden via reclassering.',
      [INPUTS.decisionConcern]: 'Zorgen VT gedeeld; RvdK-onderzoek volgt direct.',
    });
    const vtBefore = personal(USERS.vt).length;
    await settle(t);
    // The thread (a channel) only says that there is news; the decision itself goes 1:1 to each contributor.
    const ref = await t.host.deps.repo.getCardRef(caseId);
    const threadTexts = t.stub
      .successful('send')
      .filter((c) => c.conversationId === ref?.conversationId)
      .map((c) => String(c.body.text ?? ''));
    expect(threadTexts.some((x) => x.includes('de OvJ heeft besloten'))).toBe(true);
    expect(threadTexts.join('\n')).not.toContain('Contactverbod');
    const thread = personal(USERS.politie)
      .map((c) => String(c.body.text ?? ''))
      .find((x) => x.includes('het besluit van de OvJ') && x.includes(caseCode(caseId)));
    expect(thread).toContain('Interventies: Contactverbod');
    expect(thread).toContain('Toelichting van de OvJ: Voorwaarden via reclassering.');
    expect(thread).toContain('Besluit ondanks buikpijn van Veilig Thuis. Reden van de OvJ: Zorgen VT gedeeld');
    expect(thread).not.toContain('; Voorwaarden');
    const toVt = personal(USERS.vt)
      .slice(vtBefore)
      .map((c) => String(c.body.text ?? ''));
    expect(toVt.some((x) => x.includes('nog buikpijn had. Reden van de OvJ: Zorgen VT gedeeld; RvdK-onderzoek volgt direct.'))).toBe(true);
  });

  it('11: the advice card asks the OvJ for a decision before the termijn, shows each contribution inline, and has one Details button', async () => {
    const caseId = await caseWithConcern();
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    const before = personal(USERS.ovj).length;
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    const sent = personal(USERS.ovj).slice(before);
    expect(sent).toHaveLength(1);
    const card = ConnectorStub.cardOf(sent[0].body) as { body: unknown[]; actions: { title: string }[] };
    const json = JSON.stringify(card);
    expect(json).toContain('uw besluit gevraagd vóór');
    expect(json).not.toContain('wacht op het besluit van de OvJ');
    expect(json).toContain('Termijn:');
    expect(json).toContain('Eerder B-SAFER afgenomen: hoog risico.');
    expect(json).toContain('Waarom nodig: Risicotaxatie bepaalt de veiligheidsmaatregel.');
    expect(card.actions.filter((a) => a.title.includes('Details'))).toHaveLength(1);
  });

  it('9: the drafter starts from the composed advice, and the drafter and the OvJ see the same version', async () => {
    const caseId = await caseWithConcern();
    const drafted = await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    expect(drafted).toContain('Nog buikpijn: Veilig Thuis (Kinderen onveilig thuis)');
    expect(drafted).toContain('Contextinformatie van: Politie');
    const summary = (await t.host.deps.repo.getAdvice(caseId))!.body.draft.summary;
    expect(summary).toContain('Patronen: ');
    await invoke(USERS.rvdk, VERBS.editAdvice, {
      caseId,
      [INPUTS.adviceSummary]: `${summary}\nVoorstel: contactverbod.`,
      [INPUTS.adviceInterventions]: 'contactverbod',
    });
    const leadVersion = (await t.host.deps.repo.getAdvice(caseId))!.body.draft.version;
    const leadCard = await invoke(USERS.rvdk, VERBS.refresh, { caseId });
    expect(leadCard).toContain(`versie ${leadVersion}`);
    const before = personal(USERS.ovj).length;
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    const toOvj = JSON.stringify(ConnectorStub.cardOf(personal(USERS.ovj).slice(before)[0].body));
    expect(toOvj).toContain(`versie ${leadVersion} `);
    expect((await t.host.deps.repo.getAdvice(caseId))!.body.draft.version).toBe(leadVersion);
  });

  it('8: Details reaches every contribution with its reason, page by page', async () => {
    const caseId = await caseWithConcern();
    const authors = [USERS.politie, USERS.rvdk, USERS.shn, USERS.reclassering, USERS.halt];
    for (let i = 1; i <= 15; i++) {
      await invoke(authors[i % authors.length], VERBS.addContribution, {
        caseId,
        [INPUTS.contribText]: `Bijdrage nummer ${i}. ${'Lange toelichting over de situatie thuis. '.repeat(45)}`.slice(0, 1990),
        [INPUTS.contribSource]: 'own_system',
        [INPUTS.contribNeedToKnow]: `Reden-${i}: ${'nodig voor de veiligheidsafweging. '.repeat(13)}`.slice(0, 480),
      });
    }
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    const dialog = async (name: 'task/fetch' | 'task/submit', data: Record<string, unknown>) => {
      const res = await sendActivity(
        t.base,
        channelActivity(t.stub.url, USERS.ovj, { type: 'invoke', name, value: { data, context: { theme: 'default' } } }),
      );
      return (res.body as { task: { type: string; value: { card: { content: { actions?: { data?: Record<string, unknown> }[] } } } } })
        .task;
    };
    let task = await dialog('task/fetch', { dialog: DIALOGS.adviceDetails, caseId });
    const seen: string[] = [];
    for (let pages = 0; pages < 20; pages++) {
      expect(task.type).toBe('continue');
      const card = task.value.card.content;
      seen.push(JSON.stringify(card));
      const next = (card.actions ?? []).find((a) => Number(a.data?.page) > pages);
      if (!next) break;
      task = await dialog('task/submit', next.data as Record<string, unknown>);
    }
    const all = seen.join('\n');
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i <= 15; i++) {
      expect(all).toContain(`Bijdrage nummer ${i}. `);
      expect(all).toContain(`Reden-${i}: `);
    }
    expect(all).not.toContain('passen niet in dit venster');
  });

  it('7: each intervention keeps its note and the letter its language through advice, decision and terugkoppeling', async () => {
    const caseId = await caseWithConcern();
    await invoke(USERS.rvdk, VERBS.draftAdvice, { caseId });
    await invoke(USERS.rvdk, VERBS.editAdvice, {
      caseId,
      [INPUTS.adviceSummary]: 'Voorwaardelijk sepot met hulpverlening; brief in eigen taal.',
      [INPUTS.adviceInterventions]: 'voorwaardelijk-sepot,brief-betrokkene',
      'ivNote_voorwaardelijk-sepot': 'proeftijd 2 jaar; voorwaarde: hulpverlening accepteren',
      'ivLang_brief-betrokkene': 'Pools',
      'ivLang_voorwaardelijk-sepot': 'Engels', // no language for a sepot: dropped
    });
    const draft = (await t.host.deps.repo.getAdvice(caseId))!.body.draft;
    expect(draft.interventions).toEqual([
      { interventionId: 'voorwaardelijk-sepot', phase: 'care', note: 'proeftijd 2 jaar; voorwaarde: hulpverlening accepteren' },
      expect.objectContaining({ interventionId: 'brief-betrokkene', language: 'Pools' }),
    ]);
    const before = personal(USERS.ovj).length;
    await invoke(USERS.rvdk, VERBS.sendAdvice, { caseId });
    await settle(t);
    const ovjCard = JSON.stringify(ConnectorStub.cardOf(personal(USERS.ovj).slice(before)[0].body));
    expect(ovjCard).toContain('proeftijd 2 jaar');
    expect(ovjCard).toContain('(vertaald: Pools)');
    expect(ovjCard).toContain('ivNote_voorwaardelijk-sepot');

    await ovjInvoke(VERBS.decide, {
      caseId,
      [INPUTS.decisionInterventions]: 'voorwaardelijk-sepot,brief-betrokkene',
      'ivNote_voorwaardelijk-sepot': 'proeftijd 2 jaar; voorwaarde: hulpverlening accepteren',
      'ivLang_brief-betrokkene': 'Pools',
      [INPUTS.decisionConcern]: 'Zorgen VT gedeeld; hulpverlening is de voorwaarde.',
    });
    const decision = (await t.host.deps.repo.getAdvice(caseId))!.body.decision;
    expect(decision?.interventions).toEqual([
      { interventionId: 'voorwaardelijk-sepot', note: 'proeftijd 2 jaar; voorwaarde: hulpverlening accepteren' },
      { interventionId: 'brief-betrokkene', language: 'Pools' },
    ]);
    await settle(t);
    const feedback = personal(USERS.politie)
      .map((c) => String(c.body.text ?? ''))
      .find((x) => x.includes('het besluit van de OvJ') && x.includes(caseCode(caseId)));
    expect(feedback).toContain('proeftijd 2 jaar; voorwaarde: hulpverlening accepteren');
    expect(feedback).toContain('(vertaald: Pools)');
  });

  it('13: the Actieoverleg card stays current: buikpijn, votes and contributions after the escalation appear with their time', async () => {
    const res = await postSignedCase(t.base, sampleIntake({ intakeAt: clock.now().toISOString() }), {
      timestamp: Math.floor(clock.now().getTime() / 1000),
    });
    const { caseId } = (await res.json()) as { caseId: string };
    await settle(t);
    const concern = (from: string, reason: string) =>
      invoke(from, VERBS.voteConcern, { caseId, [INPUTS.voteReason]: reason, [INPUTS.voteAcute]: 'false' });
    await concern(USERS.politie, 'Eerdere meldingen, patroon');
    await concern(USERS.rvdk, 'Kinderen in beeld bij de Raad');
    await invoke(USERS.om, VERBS.closeRound, { caseId });
    await invoke(USERS.om, VERBS.startRound, { caseId });
    await concern(USERS.politie, 'Nog steeds zorgen over herhaling');
    await concern(USERS.rvdk, 'Veiligheid kinderen niet geborgd');
    await settle(t);
    const escalation = (await t.host.deps.repo.getEscalation(caseId))?.body;
    expect(escalation?.actieoverlegRef).toBeDefined();

    clock.advance(10 * 60_000);
    await concern(USERS.reclassering, 'Toezicht loopt al en faalt');
    await invoke(USERS.shn, VERBS.addContribution, {
      caseId,
      [INPUTS.contribText]: 'Slachtoffer wil contactverbod.',
      [INPUTS.contribSource]: 'talk_with_involved',
      [INPUTS.contribNeedToKnow]: 'De wens van het slachtoffer weegt mee in het veiligheidsplan.',
    });
    await settle(t);
    // The Actieoverleg channel message is the minimal one; the card is the personal view of an invitee.
    const current = await invoke(USERS.politie, VERBS.aoRefresh, { caseId });
    expect(current).toContain('Sinds de escalatie');
    expect(current).toContain('Toezicht loopt al en faalt');
    expect(current).toMatch(/Reclassering \(3RO\)\*\* · ronde 2 · \d\d:\d\d: buikpijn/);
    expect(current).toContain('Slachtoffer wil contactverbod.');
    expect(current).toMatch(/Slachtofferhulp Nederland\*\* · \d\d:\d\d: nieuwe contextinformatie/);
  });
});
