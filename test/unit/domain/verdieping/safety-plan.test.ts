import { DEFAULT_RECEIVING_PARTIES } from '../../../../src/domain/verdieping/config';
import {
  canCloseWithSafetyPlan,
  closeDespiteSafety,
  entriesToCheck,
  markNeedsHolder,
  personsWithoutHolder,
  safetyEntryInputSchema,
  setSafetyEntry,
  type SafetyEntryInput,
  type SafetyPlanEntry,
} from '../../../../src/domain/verdieping/safety-plan';
import { chair, family, politie, rvdk } from './fixtures';

const NOW = '2026-11-24T10:00:00.000Z';
const entryInput = (personRef: string, over: Partial<SafetyEntryInput> = {}): SafetyEntryInput => ({
  personRef,
  holderOrg: 'rvdk',
  receivingPartyId: 'save',
  measure: 'Onderzoek naar de veiligheid thuis',
  status: 'running',
  checkDate: '2026-12-01',
  ...over,
});

function set(personRef: string, current?: SafetyPlanEntry, over: Partial<SafetyEntryInput> = {}): SafetyPlanEntry {
  const r = setSafetyEntry({
    caseId: 'c1',
    caseOpen: true,
    persons: family,
    receivingParties: DEFAULT_RECEIVING_PARTIES,
    current,
    actor: rvdk,
    input: entryInput(personRef, over),
    now: NOW,
  });
  if (!r.ok) throw new Error(r.error);
  return r.entry;
}

describe('veiligheidsplan per person', () => {
  it('names the holder (organisation and receiving party), the measure, its status and check date', () => {
    expect(set('kind-1')).toEqual({
      caseId: 'c1',
      personRef: 'kind-1',
      holder: { orgId: 'rvdk', receivingPartyId: 'save' },
      measure: 'Onderzoek naar de veiligheid thuis',
      status: 'running',
      checkDate: '2026-12-01',
      updatedAt: NOW,
      updatedBy: { userId: 'u-rvdk', orgId: 'rvdk' },
    });
  });

  it.each([
    ['a person the case does not have', { personRef: 'kind-3' }, 'unknown_person'],
    ['a receiving party the location has not configured', { receivingPartyId: 'elders' }, 'unknown_receiving_party'],
  ])('refuses %s', (_what, over, error) => {
    expect(
      setSafetyEntry({
        caseId: 'c1',
        caseOpen: true,
        persons: family,
        receivingParties: DEFAULT_RECEIVING_PARTIES,
        current: undefined,
        actor: rvdk,
        input: entryInput('kind-1', over),
        now: NOW,
      }),
    ).toEqual({ ok: false, error });
  });

  it('an identical entry is "unchanged", a closed case is refused', () => {
    const e = set('kind-1');
    expect(
      setSafetyEntry({
        caseId: 'c1',
        caseOpen: true,
        persons: family,
        receivingParties: DEFAULT_RECEIVING_PARTIES,
        current: e,
        actor: politie,
        input: entryInput('kind-1'),
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'unchanged',
    });
    expect(set('kind-1', e, { status: 'realised' }).status).toBe('realised');
    expect(
      setSafetyEntry({
        caseId: 'c1',
        caseOpen: false,
        persons: family,
        receivingParties: DEFAULT_RECEIVING_PARTIES,
        current: e,
        actor: rvdk,
        input: entryInput('kind-1'),
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
  });

  it('the schema takes person labels only, never a name', () => {
    expect(safetyEntryInputSchema.safeParse(entryInput('kind-1')).success).toBe(true);
    expect(safetyEntryInputSchema.safeParse(entryInput('Sanne de Vries')).success).toBe(false);
    expect(safetyEntryInputSchema.safeParse({ ...entryInput('kind-1'), name: 'Sanne' }).success).toBe(false);
    expect(safetyEntryInputSchema.safeParse({ ...entryInput('kind-1'), receivingPartyId: undefined }).success).toBe(true);
  });
});

describe('the closing rule', () => {
  const victim = () => set('slachtoffer-1', undefined, { holderOrg: 'shn', receivingPartyId: undefined });

  it.each([
    ['nobody placed', () => [], ['slachtoffer-1', 'kind-1', 'kind-2']],
    ['one child without a holder', () => [victim(), set('kind-1')], ['kind-2']],
    ['victim and every child placed (the suspect is not required)', () => [victim(), set('kind-1'), set('kind-2')], []],
  ])('%s', (_what, plan, missing) => {
    const p = plan();
    expect(personsWithoutHolder(family, p).map((x) => x.ref)).toEqual(missing);
    expect(canCloseWithSafetyPlan(family, p)).toEqual(
      missing.length === 0 ? { ok: true } : { ok: false, error: 'safety_not_placed', persons: missing },
    );
  });

  it('the suspect needs a holder once the plan names them as relevant', () => {
    const marked = markNeedsHolder({
      caseId: 'c1',
      persons: family,
      current: undefined,
      personRef: 'verdachte-1',
      actor: politie,
      now: NOW,
    });
    expect(marked.ok && marked.entry.holder).toBeUndefined();
    const plan = [victim(), set('kind-1'), set('kind-2'), ...(marked.ok ? [marked.entry] : [])];
    expect(canCloseWithSafetyPlan(family, plan)).toEqual({ ok: false, error: 'safety_not_placed', persons: ['verdachte-1'] });
    const placed = set('verdachte-1', marked.ok ? marked.entry : undefined, {
      holderOrg: '3ro',
      receivingPartyId: undefined,
      measure: 'Reclasseringstoezicht',
    });
    expect(canCloseWithSafetyPlan(family, [...plan.slice(0, 3), placed])).toEqual({ ok: true });
    expect(
      markNeedsHolder({ caseId: 'c1', persons: family, current: placed, personRef: 'verdachte-1', actor: politie, now: NOW }),
    ).toMatchObject({ ok: true, changed: false });
    expect(markNeedsHolder({ caseId: 'c1', persons: family, current: undefined, personRef: 'ouder-1', actor: politie, now: NOW })).toEqual({
      ok: false,
      error: 'unknown_person',
    });
  });

  it('closing "ondanks" needs the chair and a reason; the unplaced persons are recorded with it', () => {
    const plan = [victim(), set('kind-1')];
    const reason = 'Kind woont bij oma, SAVE pakt het morgen op.';
    expect(closeDespiteSafety({ actor: chair, reason: `  ${reason} `, persons: family, plan })).toEqual({
      ok: true,
      reason,
      unplaced: ['kind-2'],
    });
    expect(closeDespiteSafety({ actor: politie, reason, persons: family, plan })).toEqual({ ok: false, error: 'not_chair' });
    expect(closeDespiteSafety({ actor: chair, reason: 'Kan niet anders.', persons: family, plan })).toEqual({
      ok: false,
      error: 'reason_too_short',
    });
    expect(closeDespiteSafety({ actor: chair, reason: 'x'.repeat(1001), persons: family, plan })).toEqual({
      ok: false,
      error: 'reason_too_long',
    });
  });

  it('lists entries whose check date has come, not stopped ones', () => {
    const plan = [
      set('kind-1'),
      set('kind-2', undefined, { checkDate: '2026-12-05' }),
      set('slachtoffer-1', undefined, { status: 'stopped' }),
    ];
    expect(entriesToCheck(plan, '2026-12-01').map((e) => e.personRef)).toEqual(['kind-1']);
    expect(entriesToCheck(plan, '2026-11-30')).toEqual([]);
  });
});
