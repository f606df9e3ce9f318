import { aoMeetingElements, aoMeetingModel } from '../../../src/cards/ao-meeting';
import { aoOutcomeElements, aoOutcomeModel } from '../../../src/cards/ao-outcome';
import type { ActieoverlegOutcome } from '../../../src/domain/aftercare/outcome';
import { CARD_SCHEMA } from '../../../src/cards/types';
import type { ActieoverlegMeeting } from '../../../src/domain/aftercare/meeting';
import type { PartSample } from './part-samples';
import { NOW, sampleEscalation } from './fixtures';

/** A meeting on Thursday 26 November 2026, 10:00 Amsterdam time, by Teams, two of five voorbereid. */
export function sampleMeeting(overrides: Partial<ActieoverlegMeeting> = {}): ActieoverlegMeeting {
  return {
    caseId: 'c0ffee12a9b8c7d6e5f4',
    at: '2026-11-26T09:00:00.000Z',
    localDate: '2026-11-26',
    localTime: '10:00',
    teamsLink: 'https://teams.microsoft.com/l/meetup-join/abc',
    invitees: ['politie', 'om', '3ro', 'rvdk', 'vt'],
    setBy: { orgId: 'rvdk', aadObjectId: 'aad-rvdk-1' },
    setAt: '2026-11-23T21:20:00.000Z',
    revision: 1,
    reminderAt: '2026-11-25T15:00:00.000Z',
    preparations: [
      { orgId: 'politie', by: 'aad-politie-1', at: '2026-11-24T08:00:00.000Z', brings: 'Eerdere meldingen op het adres' },
      { orgId: 'vt', by: 'aad-vt-1', at: '2026-11-24T09:00:00.000Z', brings: '' },
    ],
    ...overrides,
  };
}

/** The outcome recorded after that meeting: two decisions, one action, registered with the ZVH. */
export function sampleOutcome(overrides: Partial<ActieoverlegOutcome> = {}): ActieoverlegOutcome {
  return {
    caseId: 'c0ffee12a9b8c7d6e5f4',
    decisions: [
      { subject: 'safety_plan', phase: 'safety', text: 'Veiligheidsplan opstellen met beide ouders' },
      { subject: 'intervention', phase: 'care', text: 'Ouderschapsondersteuning via het wijkteam' },
    ],
    actions: [{ owner: 'vt', what: 'Huisbezoek en veiligheidsplan', due: '2026-12-01' }],
    zvhCasusregie: true,
    recordedBy: { orgId: 'rvdk', aadObjectId: 'aad-rvdk-1' },
    recordedAt: '2026-11-26T10:30:00.000Z',
    revision: 1,
    ...overrides,
  };
}

const owner = { orgId: 'rvdk' as const, aadObjectId: 'aad-rvdk-1', at: '2026-11-23T21:15:00.000Z' };

/** The meeting part (cards/parts/ao-meeting.json) in each state, for the template tests. */
export function aoPartSamples(): PartSample[] {
  const s = (name: string, model: Parameters<typeof aoMeetingModel>[0]): PartSample => ({
    name,
    part: 'ao-meeting',
    card: { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body: aoMeetingElements(aoMeetingModel(model)) },
  });
  const caseId = 'c0ffee12a9b8c7d6e5f4';
  return [
    s('ao-meeting: no moment, owner', {
      caseId,
      escalation: sampleEscalation({ caseOwner: owner }),
      viewerOrg: 'rvdk',
      open: true,
      now: NOW,
    }),
    s('ao-meeting: no moment, invitee', { caseId, escalation: sampleEscalation(), viewerOrg: 'politie', open: true, now: NOW }),
    s('ao-meeting: set, invitee to prepare', {
      caseId,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting() }),
      viewerOrg: 'om',
      open: true,
      now: NOW,
    }),
    s('ao-meeting: set at a place, owner', {
      caseId,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting({ teamsLink: undefined, place: 'Veiligheidshuis' }) }),
      viewerOrg: 'rvdk',
      open: true,
      now: NOW,
    }),
    s('ao-meeting: held, closed case', {
      caseId,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting() }),
      viewerOrg: 'politie',
      open: false,
      now: new Date('2026-11-27T10:00:00Z'),
    }),
    ...outcomeSamples(),
  ];
}

function outcomeSamples(): PartSample[] {
  const s = (name: string, model: Parameters<typeof aoOutcomeModel>[0]): PartSample => ({
    name,
    part: 'ao-outcome',
    card: { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body: aoOutcomeElements(aoOutcomeModel(model)) },
  });
  const caseId = 'c0ffee12a9b8c7d6e5f4';
  const after = new Date('2026-11-26T10:00:00Z');
  return [
    s('ao-outcome: form for the owner after the meeting', {
      caseId,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting() }),
      viewerOrg: 'rvdk',
      open: true,
      now: after,
    }),
    s('ao-outcome: recorded, owner corrects', {
      caseId,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting(), outcome: sampleOutcome() }),
      viewerOrg: 'rvdk',
      open: true,
      now: after,
    }),
    s('ao-outcome: recorded, read by a partner', {
      caseId,
      escalation: sampleEscalation({ caseOwner: owner, meeting: sampleMeeting(), outcome: sampleOutcome({ zvhCasusregie: false }) }),
      viewerOrg: 'politie',
      open: true,
      now: after,
    }),
  ];
}
