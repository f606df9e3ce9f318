import { personRefs } from '../../../../src/domain/verdieping/common';
import {
  intakeInvolvementSchema,
  involvementInputSchema,
  involvementsFromIntake,
  updateInvolvement,
  whatIsMissing,
  type Involvement,
  type InvolvementInput,
} from '../../../../src/domain/verdieping/people';
import { nlVerdieping } from '../../../../src/i18n/nl/verdieping';
import { family, politie, rvdk } from './fixtures';

const NOW = '2026-11-24T10:00:00.000Z';
const LATER = '2026-11-24T12:00:00.000Z';

function update(
  input: InvolvementInput,
  current?: Involvement,
  actor = politie,
  now = NOW,
): { involvement: Involvement; changed: boolean } {
  const r = updateInvolvement({ caseId: 'c1', caseOpen: true, persons: family, current, actor, input, now });
  if (!r.ok) throw new Error(r.error);
  return { involvement: r.involvement, changed: r.changed };
}

describe('person labels', () => {
  it('are role and ordinal, stable in intake order, never a name', () => {
    expect(family.map((p) => p.ref)).toEqual(['verdachte-1', 'slachtoffer-1', 'kind-1', 'kind-2']);
    expect(personRefs([{ role: 'kind' }, { role: 'ouder' }, { role: 'kind', age: 4 }])).toEqual([
      { ref: 'kind-1', role: 'kind' },
      { ref: 'ouder-1', role: 'ouder' },
      { ref: 'kind-2', role: 'kind', age: 4 },
    ]);
    expect(family.map((p) => nlVerdieping.personLabel(p, family))).toEqual([
      'verdachte, 34 jr',
      'slachtoffer, 31 jr',
      'kind, 13 jr',
      'kind, 9 jr',
    ]);
    const noAges = personRefs([{ role: 'kind' }, { role: 'kind' }, { role: 'slachtoffer' }]);
    expect(noAges.map((p) => nlVerdieping.personLabel(p, noAges))).toEqual(['kind 1', 'kind 2', 'slachtoffer']);
  });
});

describe('people involved', () => {
  it('records form of violence, relationship, spoken to by whom, wishes and informed, as a partial update', () => {
    const first = update({ personRef: 'kind-1', violenceForm: 'child_abuse', relationship: 'child' });
    expect(first).toEqual({
      changed: true,
      involvement: {
        caseId: 'c1',
        personRef: 'kind-1',
        violenceForm: 'child_abuse',
        relationship: 'child',
        source: 'card',
        updatedAt: NOW,
        updatedBy: { userId: 'u-politie', orgId: 'politie' },
      },
    });
    const second = update(
      { personRef: 'kind-1', spokenBy: 'rvdk', informed: true, wishes: 'Wil bij moeder blijven.' },
      first.involvement,
      rvdk,
      LATER,
    );
    expect(second.involvement).toMatchObject({
      violenceForm: 'child_abuse',
      relationship: 'child',
      spokenTo: { byOrg: 'rvdk', recordedAt: LATER },
      informed: true,
      wishes: 'Wil bij moeder blijven.',
      updatedBy: { orgId: 'rvdk' },
    });
  });

  it('the same update again is unchanged (and keeps when the talk was recorded); "not spoken to" is recorded as such', () => {
    const spoken = update({ personRef: 'slachtoffer-1', spokenBy: 'shn' });
    const again = update({ personRef: 'slachtoffer-1', spokenBy: 'shn' }, spoken.involvement, politie, LATER);
    expect(again).toEqual({ changed: false, involvement: spoken.involvement });
    const notSpoken = update({ personRef: 'slachtoffer-1', spokenBy: null }, spoken.involvement, politie, LATER);
    expect(notSpoken.changed).toBe(true);
    expect(notSpoken.involvement.spokenTo).toBeNull();
    expect(update({ personRef: 'slachtoffer-1', spokenBy: null }, notSpoken.involvement, politie, LATER).changed).toBe(false);
  });

  it('refuses an unknown person and a closed case; the schema wants a change and a label', () => {
    expect(
      updateInvolvement({
        caseId: 'c1',
        caseOpen: true,
        persons: family,
        current: undefined,
        actor: politie,
        input: { personRef: 'kind-5', informed: true },
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'unknown_person',
    });
    expect(
      updateInvolvement({
        caseId: 'c1',
        caseOpen: false,
        persons: family,
        current: undefined,
        actor: politie,
        input: { personRef: 'kind-1', informed: true },
        now: NOW,
      }),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
    expect(involvementInputSchema.safeParse({ personRef: 'kind-1' }).success).toBe(false);
    expect(involvementInputSchema.safeParse({ personRef: 'kind-1', informed: true }).success).toBe(true);
    expect(involvementInputSchema.safeParse({ personRef: 'kind-1', violenceForm: 'huiselijk' }).success).toBe(false);
    expect(involvementInputSchema.safeParse({ personRef: 'kind-1', informed: true, birthDate: '2013-01-01' }).success).toBe(false);
  });
});

describe('what is missing for the advice', () => {
  it('lists per victim, child and suspect what is not known; the suspect is not asked for relationship or wishes', () => {
    const complete = (ref: string, extra: Partial<InvolvementInput> = {}) =>
      update({
        personRef: ref,
        violenceForm: 'partner_violence',
        relationship: 'partner',
        spokenBy: 'politie',
        informed: true,
        wishes: 'Rust.',
        ...extra,
      }).involvement;
    const involvements = [
      complete('verdachte-1', { relationship: undefined, wishes: undefined }),
      complete('slachtoffer-1'),
      update({ personRef: 'kind-1', violenceForm: 'child_abuse', relationship: 'child', informed: true, wishes: 'Thuis blijven.' })
        .involvement,
    ];
    const missing = whatIsMissing(family, involvements);
    expect(missing.map((m) => [m.person.ref, m.missing])).toEqual([
      ['kind-1', ['niet_gesproken']],
      ['kind-2', ['niet_gesproken', 'niet_geinformeerd', 'geweldsvorm_onbekend', 'relatie_onbekend', 'wensen_onbekend']],
    ]);
    expect(nlVerdieping.missingLines(missing.slice(0, 1), family)).toEqual(['Met het kind van 13 is niet gesproken.']);
    expect(whatIsMissing(personRefs([{ role: 'getuige' }]), [])).toEqual([]);
  });
});

describe('form of violence and relationship from the intake', () => {
  it('become involvements with source intake, only for persons the source said something about', () => {
    const sent = [
      {},
      { violenceForm: 'partner_violence' as const, relationship: 'partner' as const },
      { violenceForm: 'child_abuse' as const },
    ];
    expect(involvementsFromIntake('c1', family, sent, NOW)).toEqual([
      {
        caseId: 'c1',
        personRef: 'slachtoffer-1',
        violenceForm: 'partner_violence',
        relationship: 'partner',
        source: 'intake',
        updatedAt: NOW,
      },
      { caseId: 'c1', personRef: 'kind-1', violenceForm: 'child_abuse', source: 'intake', updatedAt: NOW },
    ]);
    expect(intakeInvolvementSchema.safeParse({ violenceForm: 'stalking' }).success).toBe(false);
    expect(intakeInvolvementSchema.safeParse({ relationship: 'partner', name: 'X' }).success).toBe(false);
  });
});
