import { readFileSync } from 'node:fs';
import { DECISION_SUBJECTS, decisionsByPhase, outcomeInputSchema, type ActieoverlegOutcome } from '../../../src/domain/aftercare/outcome';
import { handoverFromFields } from '../../../src/app/course/handover-input';
import { HANDED_OVER_ITEMS, handoverInputSchema } from '../../../src/domain/aftercare/handover';
import type { ReportRow } from '../../../src/domain/aftercare/report';
import type { ReturningRecord } from '../../../src/domain/aftercare/returning';
import type { Case } from '../../../src/domain/case';
import { rosterFileSchema } from '../../../src/domain/roster';
import {
  normalizeAdvice,
  normalizeCaseAdvice,
  normalizeOutcome,
  normalizeReportRowAdvice,
  normalizeReturningAdvice,
  OLD_HANDED_OVER_ITEM,
  OLD_ADVICE_STATUS,
  OLD_DECISION_SUBJECT,
  OLD_PATTERN_KIND,
  OLD_PHASE,
  OLD_RECEIVING_KIND,
} from '../../../src/domain/old-values-advice';
import { ADVICE_STATUSES, interventionPaletteSchema, PATTERN_KINDS, PHASES, type AdviceRecord } from '../../../src/domain/advice/types';
import { adviceRecord } from './advice/fixtures';

describe('advice values stored in Dutch before issue 11 item 6', () => {
  it.each(Object.entries(OLD_ADVICE_STATUS))('advice status %s reads as %s', (old, now) => {
    const stored = { ...adviceRecord('draft'), status: old } as unknown as AdviceRecord;
    expect(normalizeAdvice(stored).status).toBe(now);
  });

  it('every new status has an old name, and a current record comes back as the same object', () => {
    expect(new Set(Object.values(OLD_ADVICE_STATUS))).toEqual(new Set(ADVICE_STATUSES));
    const current = adviceRecord('sent');
    expect(normalizeAdvice(current)).toBe(current);
  });

  it.each(Object.entries(OLD_PATTERN_KIND))('pattern kind %s in the draft reads as %s; the rest of the draft is kept', (old, now) => {
    const a = adviceRecord('sent');
    const stored = {
      ...a,
      draft: {
        ...a.draft,
        patterns: [
          { kind: old, detail: 'd', sources: [] },
          { kind: 'stalking', detail: 's', sources: [] },
        ],
      },
    } as unknown as AdviceRecord;
    const read = normalizeAdvice(stored);
    expect(read.draft.patterns.map((p) => p.kind)).toEqual([now, 'stalking']);
    expect(read.draft.facts).toBe(a.draft.facts);
    expect(read.status).toBe('sent');
  });

  it('every pattern kind but stalking (English already) has an old name', () => {
    expect(new Set([...Object.values(OLD_PATTERN_KIND), 'stalking'])).toEqual(new Set(PATTERN_KINDS));
  });

  const outcome = (decisions: { subject: string; phase: string; text: string }[]) =>
    ({
      caseId: 'c',
      decisions,
      actions: [],
      zvhCasusregie: false,
      recordedBy: { orgId: 'vt', aadObjectId: 'u' },
      recordedAt: 'x',
      revision: 1,
    }) as unknown as ActieoverlegOutcome;

  it.each(Object.entries(OLD_DECISION_SUBJECT))('decision subject %s reads as %s, and a card posted before submits it', (old, now) => {
    expect(normalizeOutcome(outcome([{ subject: old, phase: 'zorg', text: 'abc' }])).decisions[0]?.subject).toBe(now);
    const parsed = outcomeInputSchema.parse({
      decisions: [{ subject: old, phase: 'zorg', text: 'abc' }],
      actions: [],
      zvhCasusregie: false,
    });
    expect(parsed.decisions[0]?.subject).toBe(now);
  });

  it('decision subjects: all covered; a current outcome is the same object; an unknown subject is refused', () => {
    expect(new Set(Object.values(OLD_DECISION_SUBJECT))).toEqual(new Set(DECISION_SUBJECTS));
    const current = outcome([{ subject: 'intervention', phase: 'care', text: 'abc' }]);
    expect(normalizeOutcome(current)).toBe(current);
    expect(
      outcomeInputSchema.safeParse({ decisions: [{ subject: 'plan', phase: 'zorg', text: 'abc' }], actions: [], zvhCasusregie: false })
        .success,
    ).toBe(false);
  });

  it('handed-over items: every new item has an old name; old ones submit and read as the new ones', () => {
    expect(new Set(Object.values(OLD_HANDED_OVER_ITEM))).toEqual(new Set(HANDED_OVER_ITEMS));
    const olds = Object.keys(OLD_HANDED_OVER_ITEM);
    const news = Object.values(OLD_HANDED_OVER_ITEM);
    expect(handoverInputSchema.parse({ receivingPartyId: 'p', handedOver: olds }).handedOver).toEqual(news);
    expect(handoverInputSchema.safeParse({ receivingPartyId: 'p', handedOver: ['dossier'] }).success).toBe(false);
    const fields = handoverFromFields({ party: 'p', items: `${olds.join(',')},safety_plan` });
    expect(fields.ok && fields.value.handedOver).toEqual(news);
    const closed = {
      closure: {
        at: 'x',
        by: 'u',
        despiteConcern: false,
        remainingConcern: [],
        handover: { partyId: 'p', kind: 'wijkteam', handedOver: olds },
      },
    } as unknown as Case;
    expect(normalizeCaseAdvice(closed).closure?.handover?.handedOver).toEqual(news);
    const current = { closure: { ...closed.closure, handover: { partyId: 'p', kind: 'wijkteam', handedOver: news } } } as unknown as Case;
    expect(normalizeCaseAdvice(current)).toBe(current);
  });

  it('receiving kind geen: a roster file with it still loads (as none); stored kinds read as none', () => {
    expect(OLD_RECEIVING_KIND).toEqual({ geen: 'none' });
    const parties = [
      { id: 'wijkteam', kind: 'wijkteam', label: 'Wijkteam' },
      { id: 'geen', kind: 'geen', label: 'Geen overdracht' },
    ];
    const location = {
      id: 'mn',
      name: 'MN',
      channelId: 'c',
      actieoverlegChannelId: 'ao',
      ovjChannelId: 'ovj',
      aftercare: { receivingParties: parties },
    };
    const parsed = rosterFileSchema.parse({ locations: [location], members: [] });
    expect(parsed.locations[0]?.aftercare.receivingParties.map((p) => p.kind)).toEqual(['wijkteam', 'none']);
    const withNew = { ...location, aftercare: { receivingParties: [parties[0], { id: 'x', kind: 'none', label: 'Geen' }] } };
    expect(rosterFileSchema.safeParse({ locations: [withNew], members: [] }).success).toBe(true);
    const twoNone = { ...location, aftercare: { receivingParties: [...parties, { id: 'x', kind: 'none', label: 'Geen' }] } };
    expect(rosterFileSchema.safeParse({ locations: [twoNone], members: [] }).success).toBe(false);

    const closed = {
      closure: {
        at: 'x',
        by: 'u',
        despiteConcern: false,
        remainingConcern: [],
        handover: { partyId: 'geen', kind: 'geen', handedOver: [], noneReason: 'r' },
      },
    } as unknown as Case;
    expect(normalizeCaseAdvice(closed).closure?.handover).toMatchObject({ kind: 'none', partyId: 'geen' });
    const row = { caseId: 'c', handoverKind: 'geen' } as unknown as ReportRow;
    expect(normalizeReportRowAdvice(row).handoverKind).toBe('none');
    const kept = { caseId: 'c', handoverKind: 'wijkteam' } as unknown as ReportRow;
    expect(normalizeReportRowAdvice(kept)).toBe(kept);
    const returning = {
      caseId: 'c',
      summary: { count: 1, decisions: {}, lastHandover: 'geen', measureRunning: false, signal: false },
      earlier: [{ caseId: 'e', intakeAt: 'x', decision: 'closed', handoverKind: 'geen' }],
    } as unknown as ReturningRecord;
    const read = normalizeReturningAdvice(returning);
    expect(read.summary.lastHandover).toBe('none');
    expect(read.earlier.map((e) => e.handoverKind)).toEqual(['none']);
  });

  it('phases: a palette file with the old names still loads; the deployed one uses the new names', () => {
    expect(new Set(Object.values(OLD_PHASE))).toEqual(new Set(PHASES));
    const file = {
      interventions: Object.keys(OLD_PHASE).map((phase, n) => ({ id: `i-${n}`, label: `Interventie ${n}`, phase })),
    };
    expect(interventionPaletteSchema.parse(file).interventions.map((i) => i.phase)).toEqual(['safety', 'care', 'recovery', 'disposal']);
    expect(interventionPaletteSchema.safeParse({ interventions: [{ id: 'x', label: 'X', phase: 'nazorg' }] }).success).toBe(false);
    const deployed = JSON.parse(readFileSync('config/interventions.json', 'utf8')) as { interventions: { phase: string }[] };
    expect(deployed.interventions.every((i) => (PHASES as readonly string[]).includes(i.phase))).toBe(true);
  });

  it('phases: an old Actieoverleg decision submits and reads as the new phase; the advice draft too', () => {
    const submitted = outcomeInputSchema.parse({
      decisions: [
        { subject: 'veiligheidsplan', phase: 'veiligheid', text: 'abc' },
        { subject: 'intervention', phase: 'herstel', text: 'def' },
      ],
      actions: [],
      zvhCasusregie: false,
    });
    expect(submitted.decisions.map((d) => [d.subject, d.phase])).toEqual([
      ['safety_plan', 'safety'],
      ['intervention', 'recovery'],
    ]);
    expect(
      outcomeInputSchema.safeParse({
        decisions: [{ subject: 'intervention', phase: 'afdoening', text: 'abc' }],
        actions: [],
        zvhCasusregie: false,
      }).success,
    ).toBe(false);
    const read = normalizeOutcome(outcome([{ subject: 'intervention', phase: 'zorg', text: 'abc' }]));
    expect(decisionsByPhase(read)).toEqual({ safety: 0, care: 1, recovery: 0 });
    const a = adviceRecord('draft');
    const old = {
      ...a,
      draft: {
        ...a.draft,
        interventions: [
          { interventionId: 'dagvaarding', phase: 'afdoening' },
          { interventionId: 'x', phase: 'veiligheid' },
        ],
      },
    } as unknown as AdviceRecord;
    expect(normalizeAdvice(old).draft.interventions.map((i) => i.phase)).toEqual(['disposal', 'safety']);
  });

  it('phases: the keys of a report row read as the new ones', () => {
    const row = { caseId: 'c', phases: { veiligheid: 2, zorg: 1, herstel: 0 } } as unknown as ReportRow;
    expect(normalizeReportRowAdvice(row).phases).toEqual({ safety: 2, care: 1, recovery: 0 });
    const current = { caseId: 'c', phases: { safety: 2, care: 1, recovery: 0 } } as unknown as ReportRow;
    expect(normalizeReportRowAdvice(current)).toBe(current);
  });
});
