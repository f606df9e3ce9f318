import type { CaseBundle } from '../../../../src/domain/case-bundle';
import {
  decideAddAction,
  decideBecomeCaseOwner,
  decideEditQuestion,
  decideHandOverLead,
  decideReAgenda,
  decideSettleAction,
  decideTakeLead,
  JOB_IDS,
  type CaseDecision,
  type CourseActor,
  type Decided,
  type DecisionContext,
} from '../../../../src/domain/decisions';
import type { EscalationRecord } from '../../../../src/domain/escalation-record';
import type { PartnerOrg } from '../../../../src/domain/orgs';
import type { CaseAction } from '../../../../src/domain/rounds';
import type { CardRef } from '../../../../src/domain/refs';
import { sampleCase } from '../../cards/fixtures';

/**
 * Pure table tests of the chair's and the lead's verbs: a bundle, an actor, an input and `now` in;
 * allowed or refused, and every document, audit entry and job that the one commit would write.
 */
const NOW = '2026-11-23T21:30:00.000Z';
const CASE_ID = 'c0ffee12a9b8c7d6e5f4';
const IN_AN_HOUR = '2026-11-23T22:30:00.000Z';
const AN_HOUR_AGO = '2026-11-23T20:30:00.000Z';

function ctx(): DecisionContext {
  let n = 0;
  return { now: NOW, newAuditId: () => `audit-${++n}` };
}

const actor = (orgId: PartnerOrg, chair = false): CourseActor => ({ aadObjectId: `aad-${orgId}${chair ? '-chair' : ''}`, orgId, chair });

const ESCALATION: EscalationRecord = {
  caseId: CASE_ID,
  at: AN_HOUR_AGO,
  rule: 'acute_unsafe',
  orgs: ['politie'],
  reasons: [],
  question: 'Wat is nodig om de kinderen vannacht veilig te houden?',
  attendees: ['politie', 'om'],
};
const POSTED: CardRef = {
  conversationId: '19:ao@thread.tacv2',
  activityId: 'act-ao-1',
  serviceUrl: 'https://smba.example/',
  postedAt: AN_HOUR_AGO,
};

const anAction = (over: Partial<CaseAction> = {}): CaseAction => ({
  id: 'action-1',
  what: 'Huisverbod overwegen',
  orgId: 'politie',
  dueAt: AN_HOUR_AGO,
  status: 'open',
  createdAt: '2026-11-23T20:00:00.000Z',
  ...over,
});

function bundle(
  over: {
    status?: 'open' | 'closed';
    lead?: PartnerOrg;
    actions?: CaseAction[];
    reAgendaAt?: string;
    escalation?: EscalationRecord;
  } = {},
): CaseBundle {
  return {
    theCase: {
      body: sampleCase({
        id: CASE_ID,
        status: over.status ?? 'open',
        actions: over.actions ?? [],
        ...(over.lead ? { caseLead: { orgId: over.lead, since: AN_HOUR_AGO } } : {}),
        ...(over.reAgendaAt ? { reAgendaAt: over.reAgendaAt } : {}),
      }),
      etag: 'etag-case-1',
    },
    votes: [],
    contributions: [],
    ...(over.escalation ? { escalation: { body: over.escalation, etag: 'etag-esc-1' } } : {}),
  };
}

const audits = (d: CaseDecision): string[] => d.audit.map((a) => `${a.action}:${a.actorId}`);
const jobs = (d: CaseDecision): string[] => d.jobs.map((j) => `${j.id}:${j.mode}`);
const CARD = [`${JOB_IDS.refreshCard}:request`];
/** An escalated case whose Actieoverleg card is posted: both cards refreshed. */
const BOTH = [`${JOB_IDS.refreshCard}:request`, `${JOB_IDS.refreshActieoverleg}:request`];
const AO = [`${JOB_IDS.refreshActieoverleg}:request`];

type Want = { error: string } | { changed: boolean; audits: string[]; jobs: string[] };
interface Row {
  name: string;
  run: () => Decided<{ changed: boolean }, string>;
  want: Want;
}

/** The shared checks of every row: refused, or what the commit holds and the state the answer shows. */
function check(r: Decided<{ changed: boolean }, string>, b: CaseBundle | undefined, want: Want): void {
  if ('error' in want) {
    expect(r).toEqual({ ok: false, error: want.error });
    return;
  }
  if (!r.ok) throw new Error(`refused: ${r.error}`);
  expect(r.value.changed).toBe(want.changed);
  expect(audits(r.decision)).toEqual(want.audits);
  expect(jobs(r.decision)).toEqual(want.jobs);
  // nothing of a vote or contribution, never a new escalation from these verbs
  expect(r.decision.votes).toEqual([]);
  expect(r.decision.contributions).toEqual([]);
  expect(r.decision.escalation).toBeUndefined();
  // the answer's view is built from exactly what the commit writes
  expect(r.after.theCase).toEqual(r.decision.nextCase);
  if (r.decision.escalationUpdate) expect(r.after.escalation).toEqual(r.decision.escalationUpdate);
  if (!want.changed && b) {
    expect(r.decision.nextCase).toEqual(b.theCase.body);
    expect(r.decision.escalationUpdate).toBeUndefined();
  }
  for (const a of r.decision.audit) expect(a).toMatchObject({ caseId: CASE_ID, at: NOW });
}

function table(rows: (Row & { b?: CaseBundle })[]): void {
  it.each(rows)('$name', ({ run, b, want }) => check(run(), b, want));
}

describe('decideTakeLead (regie)', () => {
  const b0 = bundle();
  const mine = bundle({ lead: 'politie' });
  table([
    {
      name: 'nobody has regie: the actor’s organisation takes it',
      run: () => decideTakeLead(b0, { actor: actor('politie') }, ctx()),
      want: { changed: true, audits: ['lead.take:aad-politie'], jobs: CARD },
    },
    {
      name: 'the own organisation has it already: unchanged (no audit, no job)',
      b: mine,
      run: () => decideTakeLead(mine, { actor: actor('politie') }, ctx()),
      want: { changed: false, audits: [], jobs: [] },
    },
    {
      name: 'another organisation has it: refused (hand over instead)',
      run: () => decideTakeLead(bundle({ lead: 'om' }), { actor: actor('politie') }, ctx()),
      want: { error: 'lead_taken' },
    },
    {
      name: 'a closed case: refused',
      run: () => decideTakeLead(bundle({ status: 'closed' }), { actor: actor('politie') }, ctx()),
      want: { error: 'case_closed' },
    },
    {
      name: 'an escalated case with a posted Actieoverleg card: both cards refreshed',
      run: () => decideTakeLead(bundle({ escalation: { ...ESCALATION, actieoverlegRef: POSTED } }), { actor: actor('om') }, ctx()),
      want: { changed: true, audits: ['lead.take:aad-om'], jobs: BOTH },
    },
  ]);

  it('records the lead and since when, and the organisation in the audit (no names)', () => {
    const r = decideTakeLead(bundle(), { actor: actor('vt') }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.nextCase.caseLead).toEqual({ orgId: 'vt', since: NOW });
    expect(r.decision.audit[0]).toMatchObject({ actorOrg: 'vt', detail: { orgId: 'vt' } });
  });
});

describe('decideHandOverLead (regie)', () => {
  const led = bundle({ lead: 'politie' });
  table([
    {
      name: 'the lead hands over',
      run: () => decideHandOverLead(led, { actor: actor('politie'), to: 'vt' }, ctx()),
      want: { changed: true, audits: ['lead.handover:aad-politie'], jobs: CARD },
    },
    {
      name: 'the chair hands over for an absent lead',
      run: () => decideHandOverLead(led, { actor: actor('om', true), to: 'vt' }, ctx()),
      want: { changed: true, audits: ['lead.handover:aad-om-chair'], jobs: CARD },
    },
    {
      name: 'someone else (neither lead nor chair): refused',
      run: () => decideHandOverLead(led, { actor: actor('om'), to: 'vt' }, ctx()),
      want: { error: 'not_lead_or_chair' },
    },
    {
      name: 'nobody has regie: nothing to hand over',
      run: () => decideHandOverLead(bundle(), { actor: actor('om', true), to: 'vt' }, ctx()),
      want: { error: 'no_lead' },
    },
    {
      name: 'to the organisation that has it already (a re-delivered click): unchanged',
      b: led,
      run: () => decideHandOverLead(led, { actor: actor('vt'), to: 'politie' }, ctx()),
      want: { changed: false, audits: [], jobs: [] },
    },
    {
      name: 'a closed case: refused',
      run: () => decideHandOverLead(bundle({ status: 'closed', lead: 'politie' }), { actor: actor('politie'), to: 'vt' }, ctx()),
      want: { error: 'case_closed' },
    },
  ]);

  it('the audit names from and to (organisations only)', () => {
    const r = decideHandOverLead(led, { actor: actor('politie'), to: 'vt' }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.nextCase.caseLead).toEqual({ orgId: 'vt', since: NOW });
    expect(r.decision.audit[0].detail).toEqual({ from: 'politie', to: 'vt' });
  });
});

describe('decideAddAction', () => {
  const input = { what: 'Huisverbod overwegen', orgId: 'politie' as const, dueAt: IN_AN_HOUR };
  table([
    {
      name: 'an action due ahead: added, audited, card refreshed',
      run: () => decideAddAction(bundle(), { actor: actor('om'), id: 'action-new', input }, ctx()),
      want: { changed: true, audits: ['action.add:aad-om'], jobs: CARD },
    },
    {
      name: 'due now or earlier: refused',
      run: () => decideAddAction(bundle(), { actor: actor('om'), id: 'action-new', input: { ...input, dueAt: NOW } }, ctx()),
      want: { error: 'not_in_future' },
    },
    {
      name: 'a due moment that is no time: refused',
      run: () => decideAddAction(bundle(), { actor: actor('om'), id: 'action-new', input: { ...input, dueAt: 'morgen' } }, ctx()),
      want: { error: 'invalid_time' },
    },
    {
      name: 'a closed case: refused',
      run: () => decideAddAction(bundle({ status: 'closed' }), { actor: actor('om'), id: 'action-new', input }, ctx()),
      want: { error: 'case_closed' },
    },
  ]);

  it('appends the action (open, the id given) after the existing ones; the audit holds ids, not the text', () => {
    const r = decideAddAction(bundle({ actions: [anAction()] }), { actor: actor('om'), id: 'action-new', input }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ changed: true, actionId: 'action-new' });
    expect(r.decision.nextCase.actions.map((a) => `${a.id}:${a.status}`)).toEqual(['action-1:open', 'action-new:open']);
    expect(r.decision.audit[0].detail).toEqual({ actionId: 'action-new', orgId: 'politie' });
    expect(JSON.stringify(r.decision.audit)).not.toContain('Huisverbod');
  });
});

describe('decideSettleAction', () => {
  const withAction = bundle({ actions: [anAction()] });
  const settled = bundle({ actions: [anAction({ status: 'done', settledAt: AN_HOUR_AGO })] });
  const settle = (b: CaseBundle, a: CourseActor, verdict: 'done' | 'not_carried_out' = 'done', actionId = 'action-1') =>
    decideSettleAction(b, { actor: a, actionId, verdict }, ctx());
  table([
    {
      name: 'the organisation that carries it out settles it',
      run: () => settle(withAction, actor('politie')),
      want: { changed: true, audits: ['action.settle:aad-politie'], jobs: CARD },
    },
    {
      name: 'the case lead settles it',
      run: () => settle(bundle({ lead: 'vt', actions: [anAction()] }), actor('vt')),
      want: { changed: true, audits: ['action.settle:aad-vt'], jobs: CARD },
    },
    {
      name: 'the chair settles it',
      run: () => settle(withAction, actor('om', true)),
      want: { changed: true, audits: ['action.settle:aad-om-chair'], jobs: CARD },
    },
    { name: 'another organisation: refused', run: () => settle(withAction, actor('om')), want: { error: 'not_allowed' } },
    {
      name: 'an unknown action: refused',
      run: () => settle(withAction, actor('politie'), 'done', 'action-x'),
      want: { error: 'unknown_action' },
    },
    {
      name: 'the same verdict again (a repeat): unchanged',
      b: settled,
      run: () => settle(settled, actor('politie')),
      want: { changed: false, audits: [], jobs: [] },
    },
    {
      name: 'a different verdict on a settled action: refused (a verdict is final)',
      run: () => settle(settled, actor('politie'), 'not_carried_out'),
      want: { error: 'already_settled' },
    },
    {
      name: 'a closed case: refused',
      run: () => settle(bundle({ status: 'closed', actions: [anAction()] }), actor('politie')),
      want: { error: 'case_closed' },
    },
  ]);

  it('stores the verdict and when', () => {
    const r = settle(withAction, actor('politie'), 'not_carried_out');
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.nextCase.actions).toEqual([{ ...anAction(), status: 'not_carried_out', settledAt: NOW }]);
    expect(r.decision.audit[0].detail).toEqual({ actionId: 'action-1', verdict: 'not_carried_out' });
  });
});

describe('decideReAgenda (door-agenderen)', () => {
  const tomorrow = '2026-11-24T19:00:00.000Z';
  const planned = bundle({ reAgendaAt: tomorrow });
  table([
    {
      name: 'a moment ahead: the case carries it, audited, card refreshed',
      run: () => decideReAgenda(bundle(), { actor: actor('om', true), at: tomorrow }, ctx()),
      want: { changed: true, audits: ['case.reAgenda:aad-om-chair'], jobs: CARD },
    },
    {
      name: 'the moment it has already: unchanged',
      b: planned,
      run: () => decideReAgenda(planned, { actor: actor('om', true), at: tomorrow }, ctx()),
      want: { changed: false, audits: [], jobs: [] },
    },
    {
      name: 'no moment given: refused',
      run: () => decideReAgenda(bundle(), { actor: actor('om', true), at: undefined }, ctx()),
      want: { error: 'invalid_time' },
    },
    {
      name: 'a moment in the past: refused',
      run: () => decideReAgenda(bundle(), { actor: actor('om', true), at: AN_HOUR_AGO }, ctx()),
      want: { error: 'not_in_future' },
    },
    {
      name: 'more than the maximum ahead: refused',
      run: () => decideReAgenda(bundle(), { actor: actor('om', true), at: '2026-12-23T19:00:00.000Z' }, ctx()),
      want: { error: 'too_far' },
    },
    {
      name: 'a closed case: refused',
      run: () => decideReAgenda(bundle({ status: 'closed' }), { actor: actor('om', true), at: tomorrow }, ctx()),
      want: { error: 'case_closed' },
    },
  ]);

  it('answers the normalised moment (for the location reminder the caller stores)', () => {
    const r = decideReAgenda(bundle(), { actor: actor('om', true), at: '2026-11-24T20:00:00+01:00' }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toEqual({ changed: true, at: tomorrow });
    expect(r.decision.nextCase.reAgendaAt).toBe(tomorrow);
    expect(r.decision.audit[0].detail).toEqual({ at: tomorrow });
  });
});

describe('decideBecomeCaseOwner (Actieoverleg)', () => {
  const escalated = bundle({ escalation: ESCALATION });
  const owned = bundle({ escalation: { ...ESCALATION, caseOwner: { orgId: 'vt', aadObjectId: 'aad-vt', at: AN_HOUR_AGO } } });
  table([
    {
      name: 'the first partner claims it: the escalation changes, audited, the Actieoverleg card refreshed',
      run: () => decideBecomeCaseOwner(escalated, { actor: actor('vt') }, ctx()),
      want: { changed: true, audits: ['actieoverleg.owner:aad-vt'], jobs: AO },
    },
    {
      name: 'the same person again: unchanged',
      b: owned,
      run: () => decideBecomeCaseOwner(owned, { actor: actor('vt') }, ctx()),
      want: { changed: false, audits: [], jobs: [] },
    },
    {
      name: 'someone else has it: refused (never two)',
      run: () => decideBecomeCaseOwner(owned, { actor: actor('politie') }, ctx()),
      want: { error: 'owner_taken' },
    },
    {
      name: 'a case that did not go to the Actieoverleg: refused',
      run: () => decideBecomeCaseOwner(bundle(), { actor: actor('vt') }, ctx()),
      want: { error: 'not_escalated' },
    },
    {
      name: 'a closed case: refused',
      run: () => decideBecomeCaseOwner(bundle({ status: 'closed', escalation: ESCALATION }), { actor: actor('vt') }, ctx()),
      want: { error: 'case_closed' },
    },
  ]);

  it('keeps the case as loaded and sets the owner on the escalation', () => {
    const r = decideBecomeCaseOwner(escalated, { actor: actor('vt') }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.nextCase).toEqual(escalated.theCase.body);
    expect(r.decision.escalationUpdate).toEqual({ ...ESCALATION, caseOwner: { orgId: 'vt', aadObjectId: 'aad-vt', at: NOW } });
  });
});

describe('decideEditQuestion (Actieoverleg)', () => {
  const question = 'Is een tijdelijk huisverbod vannacht haalbaar en nodig?';
  const escalated = bundle({ escalation: { ...ESCALATION, questionPiiConfirmed: ['address'] } });
  table([
    {
      name: 'a new question: the escalation changes, audited, the Actieoverleg card refreshed',
      run: () => decideEditQuestion(escalated, { actor: actor('om', true), question }, ctx()),
      want: { changed: true, audits: ['actieoverleg.question:aad-om-chair'], jobs: AO },
    },
    {
      name: 'the same question: unchanged',
      b: escalated,
      run: () => decideEditQuestion(escalated, { actor: actor('om', true), question: ESCALATION.question }, ctx()),
      want: { changed: false, audits: [], jobs: [] },
    },
    {
      name: 'a case that did not go to the Actieoverleg: refused',
      run: () => decideEditQuestion(bundle(), { actor: actor('om', true), question }, ctx()),
      want: { error: 'not_escalated' },
    },
    {
      name: 'a closed case: refused',
      run: () => decideEditQuestion(bundle({ status: 'closed', escalation: ESCALATION }), { actor: actor('om', true), question }, ctx()),
      want: { error: 'case_closed' },
    },
  ]);

  it('a question without confirmed identifiers drops the earlier confirmation', () => {
    const r = decideEditQuestion(escalated, { actor: actor('om', true), question }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.escalationUpdate).toEqual({ ...ESCALATION, question });
    expect(r.decision.audit[0].detail).toBeUndefined();
  });

  it('confirmed identifiers are kept as kinds, and the audit names the kinds only', () => {
    const r = decideEditQuestion(escalated, { actor: actor('om', true), question, piiConfirmed: ['phone'] }, ctx());
    if (!r.ok) throw new Error(r.error);
    expect(r.decision.escalationUpdate?.questionPiiConfirmed).toEqual(['phone']);
    expect(r.decision.audit[0].detail).toEqual({ piiConfirmed: 'phone' });
    expect(JSON.stringify(r.decision.audit)).not.toContain('huisverbod');
  });
});
