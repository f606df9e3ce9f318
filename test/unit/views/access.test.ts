import type { Contribution } from '../../../src/domain/contribution';
import type { Member } from '../../../src/domain/roster';
import {
  contributionsFor,
  contributionVisibleTo,
  mayView,
  restrictionFrom,
  type PersonalView,
  type ViewContext,
} from '../../../src/domain/views';
import { contribution } from '../cards/fixtures';

const LOC = 'mn';
const m = (aad: string, orgId: Member['orgId'], roles: Member['roles'], locations = [LOC]): Member => ({
  aadObjectId: aad,
  orgId,
  roles,
  locations,
});
const MEMBERS: Record<string, Member> = {
  politie: m('politie', 'politie', ['member']),
  chair: m('chair', 'om', ['member', 'chair']),
  ovj: m('ovj', 'om', ['ovj']),
  rvdk: m('rvdk', 'rvdk', ['member']),
  vtRoster: m('vtRoster', 'vt', ['member']),
  elsewhere: m('elsewhere', 'politie', ['member', 'ovj', 'chair'], ['nh']),
};
const ctx: ViewContext = {
  locationId: LOC,
  caseLeadOrg: 'rvdk',
  vt: { primary: 'vtPrimary', backup: 'vtBackup', backupAsked: false },
  actieoverlegOwner: 'ownerOffRoster',
};
const asked: ViewContext = { ...ctx, vt: { primary: 'vtPrimary', backup: 'vtBackup', backupAsked: true } };

type Row = [who: string, view: PersonalView, context: ViewContext, expected: true | 'not_on_roster' | 'not_for_location' | 'not_for_view'];
const rows: Row[] = [
  // the case: the roster of the location
  ['politie', 'case', ctx, true],
  ['chair', 'case', ctx, true],
  ['vtRoster', 'case', ctx, true],
  ['elsewhere', 'case', ctx, 'not_for_location'],
  ['outsider', 'case', ctx, 'not_on_roster'],
  ['vtPrimary', 'case', ctx, 'not_on_roster'],
  // the Actieoverleg: invitees (roster) and the casusverantwoordelijke
  ['politie', 'actieoverleg', ctx, true],
  ['ownerOffRoster', 'actieoverleg', ctx, true],
  ['elsewhere', 'actieoverleg', ctx, 'not_for_location'],
  ['outsider', 'actieoverleg', ctx, 'not_on_roster'],
  // the advice: OvJ, chairs, the organisation with regie — not the rest of the roster
  ['ovj', 'advice', ctx, true],
  ['chair', 'advice', ctx, true],
  ['rvdk', 'advice', ctx, true],
  ['rvdk', 'advice', { ...ctx, caseLeadOrg: 'politie' }, 'not_for_view'],
  ['politie', 'advice', ctx, 'not_for_view'],
  ['vtRoster', 'advice', ctx, 'not_for_view'],
  ['elsewhere', 'advice', ctx, 'not_for_location'],
  ['outsider', 'advice', ctx, 'not_on_roster'],
  // the VT consultation: the consulted member, the backup once asked, the roster
  ['vtPrimary', 'vt', ctx, true],
  ['vtBackup', 'vt', ctx, 'not_on_roster'],
  ['vtBackup', 'vt', asked, true],
  ['politie', 'vt', ctx, true],
  ['elsewhere', 'vt', ctx, 'not_for_location'],
  ['outsider', 'vt', ctx, 'not_on_roster'],
];

describe('who may open which personal view', () => {
  it.each(rows)('%s → %s', (who, view, context, expected) => {
    const decision = mayView(view, who, MEMBERS[who], context);
    expect(decision).toEqual(expected === true ? { ok: true } : { ok: false, reason: expected });
  });

  it('nobody without an authenticated id', () => {
    for (const view of ['case', 'actieoverleg', 'advice', 'vt'] as const)
      expect(mayView(view, undefined, undefined, { ...ctx, vt: { backupAsked: true } })).toEqual({ ok: false, reason: 'not_on_roster' });
  });
});

describe('restricted contributions', () => {
  const restricted: Contribution = contribution(0, { orgId: 'vt', visibleTo: ['politie', 'om', 'rvdk'] });
  const open: Contribution = contribution(1, { orgId: 'politie' });

  it.each([
    ['politie', true],
    ['om', true],
    ['rvdk', true],
    ['vt', true], // the author's own organisation
    ['3ro', false],
    ['shn', false],
    [undefined, false],
  ] as const)('a VT contribution for Politie, OM and RvdK: %s may read it → %s', (org, visible) => {
    expect(contributionVisibleTo(restricted, org)).toBe(visible);
    expect(contributionVisibleTo(open, org)).toBe(true);
  });

  it('others see only that it exists: no text, source or reason', () => {
    const [hidden, shown] = contributionsFor([restricted, open], '3ro');
    expect(hidden).toEqual({ ...restricted, text: '', needToKnow: '', source: 'other', withheld: true });
    expect(shown).toBe(open);
    expect(contributionsFor([restricted], 'om')[0]).toBe(restricted);
  });

  it('the form: all roster organisations = no restriction; the author is always included', () => {
    const roster = ['politie', 'om', 'rvdk', 'vt', '3ro'] as const;
    expect(restrictionFrom([...roster], 'vt', roster)).toBeUndefined();
    expect(restrictionFrom(undefined, 'vt', roster)).toBeUndefined();
    expect(restrictionFrom(['politie', 'om', 'rvdk'], 'vt', roster)).toEqual(['om', 'politie', 'rvdk', 'vt']);
    expect(restrictionFrom(['politie', 'om', 'rvdk', '3ro'], 'vt', roster)).toBeUndefined();
  });
});
