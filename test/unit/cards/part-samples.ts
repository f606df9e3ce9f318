import { adviceSection } from '../../../src/cards/case-advice';
import { vtSection } from '../../../src/cards/case-vt';
import type { CardDensity } from '../../../src/cards/case-course';
import { piiConfirmedMark, piiConfirmToggle, summaryPiiWarning } from '../../../src/cards/free-text';
import {
  contributionItem,
  factsSection,
  headerSection,
  noticeSection,
  safetySection,
  termijnSection,
  voteGroups,
  voteRows,
} from '../../../src/cards/sections';
import { renderPart } from '../../../src/cards/parts';
import { caseCardActionsModel, voteFormModel, type ContributionListModel, type DetailsHereModel } from '../../../src/cards/case-card';
import { interventionDetailInputs } from '../../../src/cards/advice-sections';
import { verdiepingPicture } from '../../../src/cards/verdieping-card';
import { withVerdieping } from './verdieping-fixtures';
import {
  askedOfYouForms,
  askedOfYouSection,
  questionsSection,
  safetySignalForms,
  safetySignalsSection,
} from '../../../src/cards/safety-signals';
import { signalsView } from './signals-fixtures';
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from '../../../src/cards/types';
import { adviceRecord, PALETTE } from '../domain/advice/fixtures';
import { contribution, sampleCase, typicalView, vote } from './fixtures';
import { consultationRecord, consultationState, PRIMARY, vtCaseView } from './vt-fixtures';

/**
 * One rendered sample per state of every part in cards/parts/ (the case card's sections), each
 * wrapped in a card of its own so the schema test can validate it. `part` names the template.
 */
export interface PartSample {
  name: string;
  part: string;
  card: AdaptiveCard;
}

const FULL: CardDensity = {
  summary: 300,
  contributionText: 300,
  needToKnow: 100,
  voteReason: 120,
  votes: 'blocks',
  actionWhat: 100,
  maxOpenActions: 5,
  compactActions: false,
  hints: true,
  confirmations: true,
  vt: 'full',
};
const LEAN: CardDensity = { ...FULL, summary: 0, voteReason: 0, votes: 'grouped', hints: false, confirmations: false, vt: 'compact' };

const votes = [
  vote(2, 'om', true, { acuteUnsafe: true, reason: 'Acuut gevaar', piiConfirmed: ['phone'] }),
  vote(2, 'politie', false),
  vote(2, 'vt', true, { reason: 'Zorgen over de kinderen' }),
];
const voting = typicalView({ votes, viewerOrg: 'politie' });

export function partSamples(): PartSample[] {
  const s = (name: string, part: string, body: CardElement | CardElement[]): PartSample => ({
    name,
    part,
    card: { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body: Array.isArray(body) ? body : [body] },
  });
  const noFlags = sampleCase({ hgFlag: false, kmFlag: false, status: 'closed', displayReference: 'PL-0924-77' });
  const safe = sampleCase({
    facts: {
      ...sampleCase().facts,
      childrenInvolved: false,
      childAges: [],
      weaponMentioned: false,
      victimContactSafe: 'onbekend',
      custody: 'heengezonden',
    },
  });
  return [
    s('notice: good', 'notice', noticeSection({ kind: 'good', text: 'Uw buikpijn is vastgelegd.' })),
    s('header: HG + KM', 'header', headerSection(typicalView())),
    s('header: personal, no flags, closed', 'header', headerSection(typicalView({ case: noFlags }), { personal: true })),
    s('termijn: running', 'termijn', termijnSection(typicalView())),
    s(
      'verdieping: duiding, plan, missing',
      'verdieping-picture',
      verdiepingPicture(withVerdieping(typicalView(), { versions: 2, confirm: 1, safetyFor: ['kind-1'] })),
    ),
    s(
      'verdieping: crowded card',
      'verdieping-picture',
      verdiepingPicture(withVerdieping(typicalView(), { versions: 2, confirm: 1, safetyFor: ['kind-1'] }), true),
    ),
    s('termijn: near', 'termijn', termijnSection(typicalView({ now: new Date('2026-11-24T00:50:00Z') }))),
    s('termijn: passed', 'termijn', termijnSection(typicalView({ now: new Date('2026-11-24T02:00:00Z') }))),
    s('safety: risks', 'safety', safetySection(typicalView())),
    s('safety: unknowns', 'safety', safetySection(typicalView({ case: safe }))),
    s('facts', 'facts', factsSection(typicalView(), 80)),
    s('questions: asked of you', 'questions', askedOfYouSection(signalsView('rvdk'))),
    s('questions: open, declined and answered', 'questions', questionsSection(signalsView('politie'))),
    s('safety-signals: outcome, measure, violation', 'safety-signals', safetySignalsSection(signalsView('politie'))),
    s(
      "verdieping-open: the case card's Verdiepen button",
      'verdieping-open',
      renderPart('verdieping-open', { title: 'Verdiepen', verb: 'verdieping.open', caseId: 'c-1' }),
    ),
    s('verdieping-form: asked-of-you forms', 'verdieping-form', [
      ...renderPart('verdieping-form', { forms: askedOfYouForms(signalsView('rvdk')), buttons: [] }),
    ]),
    s('verdieping-form: signal forms (outcome and violation)', 'verdieping-form', [
      ...renderPart('verdieping-form', { forms: safetySignalForms(signalsView('3ro')), buttons: [] }),
    ]),
    s(
      'details round: with votes',
      'details-round',
      renderPart('details-round', {
        heading: 'Ronde 2 (huidige ronde)',
        tally: '2 buikpijn',
        rows: voteRows(voting, 2, { reasonMax: 100, withTime: true }),
      }),
    ),
    s('details round: nobody voted', 'details-round', renderPart('details-round', { heading: 'Ronde 1', tally: '0 gestemd', rows: [] })),
    s('vote rows: blocks', 'vote-row', voteRows(voting, 2, { reasonMax: 100, withTime: true })),
    s('vote rows: lines', 'vote-row', voteRows(voting, 2, { reasonMax: 40, withTime: false, compact: true })),
    s('vote groups', 'vote-groups', voteGroups(voting, 2)),
    s(
      'contribution: shown',
      'contribution',
      contributionItem(contribution(1, { piiConfirmed: ['email'], visibleTo: ['om'] }), { textMax: 100, needMax: 50 }),
    ),
    s(
      'contribution: withheld',
      'contribution',
      contributionItem(contribution(2, { withheld: true, visibleTo: ['vt'] }), { textMax: 100, needMax: 50 }),
    ),
    s('free text: toggle, mark, warning', 'free-text', [
      piiConfirmToggle('x'),
      ...piiConfirmedMark(['phone']),
      ...summaryPiiWarning(['phone']),
    ]),
    s('vote form: empty, with the acute hint', 'vote-form', renderPart('vote-form', voteFormModel(typicalView(), true))),
    s(
      'vote form: reason typed again, need-to-know toggle, no hint',
      'vote-form',
      renderPart('vote-form', voteFormModel(typicalView({ draft: { voteReason: 'Zorgen om de kinderen', votePiiConfirm: '' } }), false)),
    ),
    s(
      'case card actions: open, one organisation',
      'case-card-actions',
      renderPart('case-card-actions', caseCardActionsModel(typicalView())),
    ),
    s(
      'case card actions: roster, typed again, need-to-know toggle',
      'case-card-actions',
      renderPart(
        'case-card-actions',
        caseCardActionsModel(
          typicalView({
            rosterOrgs: ['om', 'politie', 'vt'],
            draft: {
              contribText: 'Bekend bij ons',
              contribSource: 'bvh',
              contribNeedToKnow: 'Nodig voor de veiligheid',
              contribPiiConfirm: '',
              contribVisibleTo: 'om',
            },
          }),
        ),
      ),
    ),
    s(
      'case card actions: closed case (Details only)',
      'case-card-actions',
      renderPart('case-card-actions', caseCardActionsModel(typicalView({ case: sampleCase({ status: 'closed' }) }))),
    ),
    s(
      'contribution list: none yet',
      'contribution-list',
      renderPart('contribution-list', { heading: 'Contextinformatie (0)', none: 'Nog niets' } satisfies ContributionListModel),
    ),
    s(
      'contribution list: counts',
      'contribution-list',
      renderPart('contribution-list', {
        heading: 'Contextinformatie (2)',
        counts: 'Per organisatie: OM 2',
      } satisfies ContributionListModel),
    ),
    s(
      'contribution list: older note',
      'contribution-list',
      renderPart('contribution-list', { older: 'En nog 3 oudere' } satisfies ContributionListModel),
    ),
    s(
      'intervention details: note typed, language',
      'intervention-details',
      interventionDetailInputs(
        [
          { interventionId: 'huisverbod', phase: 'safety', note: 'Tien dagen' },
          { interventionId: 'brief-betrokkene', phase: 'safety' },
        ],
        PALETTE,
        {
          'ivLang_brief-betrokkene': 'Pools',
        },
      ),
    ),
    s(
      'details here: with the hint',
      'details-here',
      renderPart('details-here', {
        caseId: 'c1',
        hint: 'Opent er geen venster?',
        title: 'Alle details hier tonen',
        verb: 'case.detailsHere',
      } satisfies DetailsHereModel),
    ),
    s(
      'details here: crowded card, no hint',
      'details-here',
      renderPart('details-here', {
        caseId: 'c1',
        hint: null,
        title: 'Alle details hier tonen',
        verb: 'case.detailsHere',
      } satisfies DetailsHereModel),
    ),
    s('vt: never asked', 'vt', vtSection(vtCaseView(), FULL)),
    s('vt: region unknown', 'vt', vtSection(vtCaseView({ regionId: undefined, regionName: undefined, warning: 'region_unknown' }), FULL)),
    s('vt: nobody on call', 'vt', vtSection(vtCaseView({ warning: 'no_one_on_call' }), FULL)),
    s('vt: asked', 'vt', vtSection(vtCaseView({ consultation: consultationRecord() }), FULL)),
    s(
      'vt: answered, lean',
      'vt',
      vtSection(vtCaseView({ consultation: consultationRecord({ state: consultationState([['answer', '21:20', PRIMARY]]) }) }), LEAN),
    ),
    s('vt: closed case', 'vt', vtSection(vtCaseView({}, { case: sampleCase({ status: 'closed' }) }), FULL)),
    s('advice: none yet', 'advice', adviceSection(typicalView({ palette: PALETTE }), FULL)),
    s('advice: concept, inline edit form', 'advice', adviceSection(typicalView({ advice: adviceRecord('draft'), palette: PALETTE }), FULL)),
    s(
      'advice: concept, lean (edit dialog)',
      'advice',
      adviceSection(typicalView({ advice: adviceRecord('draft'), palette: PALETTE }), LEAN),
    ),
    s('advice: sent', 'advice', adviceSection(typicalView({ advice: adviceRecord('sent'), palette: PALETTE }), FULL)),
    s('advice: decided', 'advice', adviceSection(typicalView({ advice: adviceRecord('decided'), palette: PALETTE }), FULL)),
    s(
      'advice: follow-up asked, need-to-know toggle',
      'advice',
      adviceSection(
        typicalView({
          advice: adviceRecord('decided', { followUp: { askedAt: '2026-11-23T22:10:00.000Z' } }),
          palette: PALETTE,
          draft: { followUpPiiConfirm: '' },
        }),
        FULL,
      ),
    ),
  ];
}
