import {
  confirmReading,
  currentReading,
  pendingProposals,
  proposeReading,
  readingInputSchema,
  type ReadingInput,
  type ReadingVersion,
} from '../../../../src/domain/verdieping/shared-reading';
import { chair, politie, rvdk } from './fixtures';

const T = (min: number) => new Date(Date.parse('2026-11-23T20:00:00.000Z') + min * 60_000).toISOString();
const known = new Set(['contrib:a', 'contrib:b', 'contrib:c']);
const text = (over: Partial<ReadingInput> = {}): ReadingInput => ({
  basedOn: 0,
  whatHappened: 'Mishandeling in bijzijn van de kinderen.',
  worries: 'Herhaling; de kinderen zijn getuige.',
  protectiveFactors: 'Oma woont dichtbij.',
  unknowns: 'Of er eerdere meldingen bij VT zijn.',
  sharedGoal: 'Veiligheid van moeder en kinderen, daarna hulp.',
  contributionIds: ['contrib:a'],
  ...over,
});

function propose(versions: ReadingVersion[], actor = politie, over: Partial<ReadingInput> = {}, at = T(0)): ReadingVersion {
  const r = proposeReading({
    caseId: 'c1',
    caseOpen: true,
    versions,
    actor,
    input: text({ basedOn: versions.length, ...over }),
    knownContributionIds: known,
    now: at,
  });
  if (!r.ok) throw new Error(r.error);
  return r.version;
}

describe('gezamenlijke duiding: proposing', () => {
  it('any roster member proposes; the version keeps who, when and which contributions it rests on', () => {
    const v1 = propose([], politie, { contributionIds: ['contrib:a', 'contrib:b', 'contrib:a'] });
    expect(v1).toMatchObject({
      caseId: 'c1',
      version: 1,
      basedOn: 0,
      proposedBy: { userId: 'u-politie', orgId: 'politie' },
      proposedAt: T(0),
    });
    expect(v1.contributionIds).toEqual(['contrib:a', 'contrib:b']);
    expect(v1.confirmed).toBeUndefined();
    const v2 = propose([v1], rvdk, { worries: 'Ook zorg om het jongste kind.' }, T(5));
    expect(v2).toMatchObject({ version: 2, basedOn: 1, proposedBy: { orgId: 'rvdk' } });
  });

  it.each([
    ['a proposal based on an outdated version', { basedOn: 1 }, 'stale_base'],
    ['a proposal that claims a version that does not exist yet', { basedOn: 3 }, 'stale_base'],
    [
      'a contribution that is not the case’s (or not readable by the proposer)',
      { basedOn: 2, contributionIds: ['contrib:elders'] },
      'unknown_contribution',
    ],
    ['a proposal equal to the newest version', { basedOn: 2 }, 'unchanged'],
  ])('refuses %s', (_what, over, error) => {
    const v1 = propose([]);
    const v2 = propose([v1], rvdk, { worries: 'Anders.' });
    const input = text({ worries: 'Anders.', ...over });
    expect(
      proposeReading({ caseId: 'c1', caseOpen: true, versions: [v1, v2], actor: politie, input, knownContributionIds: known, now: T(9) }),
    ).toEqual({ ok: false, error });
  });

  it('refuses on a closed case and beyond the version limit', () => {
    expect(
      proposeReading({
        caseId: 'c1',
        caseOpen: false,
        versions: [],
        actor: politie,
        input: text(),
        knownContributionIds: known,
        now: T(0),
      }),
    ).toEqual({
      ok: false,
      error: 'case_closed',
    });
    const many = Array.from({ length: 200 }, (_, i) => ({ ...propose([]), version: i + 1 }));
    expect(
      proposeReading({
        caseId: 'c1',
        caseOpen: true,
        versions: many,
        actor: politie,
        input: text({ basedOn: 200 }),
        knownContributionIds: known,
        now: T(0),
      }),
    ).toEqual({
      ok: false,
      error: 'too_many_versions',
    });
  });

  it('two partners editing the same version at once get the same number: the store lets one win', () => {
    const v1 = propose([]);
    expect(propose([v1], politie, { worries: 'A' }).version).toBe(propose([v1], rvdk, { worries: 'B' }).version);
  });

  it('the schema requires what happened, the worries and the shared goal, and refuses unknown fields', () => {
    expect(readingInputSchema.safeParse(text()).success).toBe(true);
    expect(readingInputSchema.safeParse({ ...text(), sharedGoal: '  ' }).success).toBe(false);
    expect(readingInputSchema.safeParse({ ...text(), protectiveFactors: '' }).success).toBe(true);
    expect(readingInputSchema.safeParse({ ...text(), version: 4 }).success).toBe(false);
    expect(readingInputSchema.safeParse({ ...text(), basedOn: -1 }).success).toBe(false);
  });
});

describe('gezamenlijke duiding: confirming', () => {
  const v1 = propose([]);
  const v2 = propose([v1], rvdk, { worries: 'Ook zorg om het jongste kind.' }, T(5));

  it('the chair confirms a version; the current reading is the newest confirmed one', () => {
    const r = confirmReading({ versions: [v1, v2], caseOpen: true, actor: chair, version: 2, now: T(10) });
    expect(r).toEqual({ ok: true, changed: true, version: { ...v2, confirmed: { userId: 'u-chair', at: T(10) } } });
    const confirmed = r.ok ? r.version : v2;
    expect(currentReading([v1, confirmed])?.version).toBe(2);
    expect(currentReading([v1, v2])).toBeUndefined();
  });

  it('later proposals wait for the chair and do not replace the confirmed reading', () => {
    const c1 = { ...v1, confirmed: { userId: 'u-chair', at: T(2) } };
    const v3 = { ...v2, version: 3, basedOn: 2 };
    expect(currentReading([c1, v2, v3])?.version).toBe(1);
    expect(pendingProposals([c1, v2, v3]).map((v) => v.version)).toEqual([2, 3]);
    expect(pendingProposals([c1])).toEqual([]);
  });

  it.each([
    ['a member who does not chair', { actor: politie }, 'not_chair'],
    ['a version that does not exist', { version: 7 }, 'no_such_version'],
    ['a closed case', { caseOpen: false }, 'case_closed'],
  ])('refuses %s', (_what, over, error) => {
    expect(confirmReading({ versions: [v1, v2], caseOpen: true, actor: chair, version: 2, now: T(10), ...over })).toEqual({
      ok: false,
      error,
    });
  });

  it('confirming again changes nothing; going back to an older version than the confirmed one is refused', () => {
    const c2 = { ...v2, confirmed: { userId: 'u-chair', at: T(10) } };
    expect(confirmReading({ versions: [v1, c2], caseOpen: true, actor: chair, version: 2, now: T(11) })).toEqual({
      ok: true,
      version: c2,
      changed: false,
    });
    expect(confirmReading({ versions: [v1, c2], caseOpen: true, actor: chair, version: 1, now: T(11) })).toEqual({
      ok: false,
      error: 'older_than_confirmed',
    });
  });
});
