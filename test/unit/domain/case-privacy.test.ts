import { createHasher } from '../../../src/app/hasher';
import { buildCase, caseIntakeSchema, normalizeCase, type Case } from '../../../src/domain/case';
import { sampleIntake } from '../../helpers/fixtures';

const build = (summary: string, extra: Record<string, unknown> = {}) =>
  buildCase({
    id: 'case-1',
    intake: caseIntakeSchema.parse({ ...sampleIntake({ summary }), externalId: 'BVH-2026-000123', ...extra }),
    intakeHash: 'h',
    persons: [],
    termijnHours: 6,
    now: '2026-11-23T20:00:00.000Z',
    createdBy: 'intake-api',
  });

describe('case privacy at intake (issue 10, part 5)', () => {
  it('keeps no clear external id in the case', () => {
    expect(JSON.stringify(build('Melding.'))).not.toContain('BVH-2026-000123');
  });

  it('keeps the display reference when sent, and validates its charset and length', () => {
    expect(build('Melding.', { displayReference: ' PARKET 13/123456-26 ' }).displayReference).toBe('PARKET 13/123456-26');
    expect(build('Melding.').displayReference).toBeUndefined();
    for (const bad of ['<b>x</b>', 'x'.repeat(41), '-start', 'a\nb'])
      expect(caseIntakeSchema.safeParse({ ...sampleIntake(), displayReference: bad }).success).toBe(false);
  });

  it('flags likely identifiers in the summary (a warning, the case is still built)', () => {
    expect(build('Slachtoffer bereikbaar op 0612345678, woont 1234 AB 12.').summaryPii).toEqual(['phone', 'address']);
    expect(build('Kinderen van 13 en 9 thuis, melding om 21:15.').summaryPii).toBeUndefined();
  });

  it('drops the clear external id of a case stored before this change, on read', () => {
    const legacy = { ...build('Melding.'), externalId: 'BVH-2026-000123' } as Case & { externalId: string };
    expect(Object.keys(normalizeCase(legacy))).not.toContain('externalId');
  });

  it('hashes the intake body with the key (no plain SHA-256 anyone could recompute)', () => {
    const a = createHasher('k'.repeat(32));
    const b = createHasher('l'.repeat(32));
    const body = { externalId: 'BVH-1', summary: 'x' };
    expect(a.digest(body)).toBe(a.digest({ summary: 'x', externalId: 'BVH-1' }));
    expect(a.digest(body)).not.toBe(b.digest(body));
    expect(a.caseId('BVH-1')).not.toContain('BVH');
  });
});
