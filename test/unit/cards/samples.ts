import { buildAgendaCard } from '../../../src/cards/agenda-card';
import { buildAuditTrailCard } from '../../../src/cards/audit-trail-card';
import { buildCaseCard } from '../../../src/cards/case-card';
import { buildChannelCard } from '../../../src/cards/channel-card';
import { buildDetailsCard } from '../../../src/cards/details-card';
import { buildTombstoneCard } from '../../../src/cards/tombstone-card';
import type { AdaptiveCard } from '../../../src/cards/types';
import { channelSummary } from '../../../src/domain/views';
import { adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { agendaView, largeView, NOW, roundsUpTo, sampleCase, sampleEscalation, sampleLocation, typicalView, vote } from './fixtures';
import { vtCaseView } from './vt-fixtures';
import { buildVerdiepingCard } from '../../../src/cards/verdieping-view-card';
import { withVerdieping } from './verdieping-fixtures';
import { signalsView } from './signals-fixtures';

/**
 * One rendered sample per state of every card of the case-card area (case, channel, agenda,
 * details, tombstone, audit trail): the schema, contrast and template tests run over these.
 * `template` names the file in cards/ or dialogs/ the card is bound from.
 */
export interface CardSample {
  name: string;
  template: string;
  card: AdaptiveCard;
}

const location = sampleLocation();
const summary = (kind: 'case' | 'actieoverleg' | 'advice', over: Partial<Parameters<typeof channelSummary>[0]> = {}) =>
  channelSummary({
    kind,
    theCase: sampleCase(),
    locationName: location.name,
    expectedOrgs: location.expectedOrgs,
    votes: [],
    escalated: false,
    ...over,
  });

export function caseAreaSamples(): CardSample[] {
  const s = (name: string, template: string, card: AdaptiveCard): CardSample => ({ name, template, card });
  return [
    s('case: typical, member', 'case-card', buildCaseCard(typicalView())),
    s(
      'case: neutral (no viewer), chair controls',
      'case-card',
      buildCaseCard(typicalView({ viewerOrg: undefined, viewerIsChair: undefined })),
    ),
    s('case: chair', 'case-card', buildCaseCard(typicalView({ viewerIsChair: true }))),
    s('case: nobody voted', 'case-card', buildCaseCard(typicalView({ votes: [], case: sampleCase({ round: 1, rounds: roundsUpTo(1) }) }))),
    s(
      'case: termijn passed, escalated',
      'case-card',
      buildCaseCard(typicalView({ now: new Date('2026-11-24T01:15:00Z'), escalation: sampleEscalation() })),
    ),
    s('case: notice good', 'case-card', buildCaseCard(typicalView({ notice: { kind: 'good', text: 'Uw buikpijn is vastgelegd.' } }))),
    s('case: notice attention', 'case-card', buildCaseCard(typicalView({ notice: { kind: 'attention', text: 'Er is niets gewijzigd.' } }))),
    s('case: closed', 'case-card', buildCaseCard(typicalView({ case: sampleCase({ status: 'closed' }) }))),
    s(
      'case: VT region unknown',
      'case-card',
      buildCaseCard(vtCaseView({ regionId: undefined, regionName: undefined, warning: 'region_unknown' })),
    ),
    s('case: VT nobody on call', 'case-card', buildCaseCard(vtCaseView({ warning: 'no_one_on_call' }))),
    s('case: VT answered', 'case-card', buildCaseCard(vtCaseView({}, { votes: [vote(2, 'vt', true)] }))),
    s('case: advice concept', 'case-card', buildCaseCard(typicalView({ advice: adviceRecord('draft'), palette: PALETTE }))),
    s('case: advice decided', 'case-card', buildCaseCard(typicalView({ advice: adviceRecord('decided'), palette: PALETTE }))),
    s('case: large', 'case-card', buildCaseCard(largeView())),
    s('case: large, chair', 'case-card', buildCaseCard({ ...largeView(), viewerIsChair: true })),
    s('channel: case', 'channel', buildChannelCard(summary('case'), ['29:a'], NOW)),
    s('channel: actieoverleg, escalated, HG+KM', 'channel', buildChannelCard(summary('actieoverleg', { escalated: true }), ['29:b'], NOW)),
    s(
      'channel: advice, closed, termijn passed',
      'channel',
      buildChannelCard(
        summary('advice', { theCase: sampleCase({ status: 'closed' }), adviceStatus: 'sent' }),
        ['29:c'],
        new Date('2026-11-25T00:00:00Z'),
      ),
    ),
    s('agenda: typical', 'agenda', buildAgendaCard(agendaView())),
    s('agenda: empty', 'agenda', buildAgendaCard(agendaView({ items: [] }))),
    s('agenda: at a moment', 'agenda', buildAgendaCard(agendaView({ at: '2026-11-24T08:00:00.000Z' }))),
    s('tombstone: retention', 'tombstone', buildTombstoneCard('retention')),
    s('tombstone: erasure', 'tombstone', buildTombstoneCard('erasure')),
    s(
      'audit trail: intact',
      'audit-trail',
      buildAuditTrailCard({
        ref: 'c0ffee12',
        total: 1,
        records: [{ seq: 1, entry: { at: NOW.toISOString(), action: 'case.viewed', actorId: 'aad-1', actorOrg: 'om' } } as never],
      }),
    ),
    s('audit trail: broken', 'audit-trail', buildAuditTrailCard({ ref: 'c0ffee12', total: 3, records: [], brokenSeq: 2 })),
    s('details dialog: typical', 'details', buildDetailsCard(typicalView())),
    s('details dialog: large', 'details', buildDetailsCard(largeView())),
    s('details in the message (no dialog): typical', 'details', buildDetailsCard(typicalView(), { here: { maxBytes: 38 * 1024 } })),
    s('details in the message (no dialog): large', 'details', buildDetailsCard(largeView(), { here: { maxBytes: 38 * 1024 } })),
    s('verdieping view: member', 'verdieping', buildVerdiepingCard(withVerdieping(typicalView(), { versions: 2 }))),
    s(
      'verdieping view: chair, not yet in verdieping',
      'verdieping',
      buildVerdiepingCard(withVerdieping(typicalView({ viewerOrg: 'om', viewerIsChair: true }), { inVerdieping: false, versions: 0 })),
    ),
    s('verdieping view: asked organisation with signals', 'verdieping', buildVerdiepingCard(signalsView('rvdk'))),
    s(
      'verdieping view: closed case (nothing to do)',
      'verdieping',
      buildVerdiepingCard(typicalView({ case: sampleCase({ status: 'closed' }) })),
    ),
  ];
}
