import { buildCase, caseIntakeSchema, childAges, computeDeadline, isKm, minutesLeft } from '../../../src/domain/case';
import { sampleIntake } from '../../helpers/fixtures';

describe('case intake rules', () => {
  it('sets the termijn N hours after intake', () => {
    expect(computeDeadline('2026-11-23T20:15:00.000Z', 6)).toBe('2026-11-24T02:15:00.000Z');
    expect(computeDeadline('2026-11-23T20:15:00+01:00', 4)).toBe('2026-11-23T23:15:00.000Z');
  });

  it('counts minutes left, negative after the termijn', () => {
    expect(minutesLeft('2026-11-23T12:00:00Z', new Date('2026-11-23T10:30:00Z'))).toBe(90);
    expect(minutesLeft('2026-11-23T12:00:00Z', new Date('2026-11-23T12:01:00Z'))).toBe(-1);
  });

  it.each([
    [{ involved: false, ages: [] }, [{ role: 'verdachte' as const }], false],
    [{ involved: true, ages: [4] }, [{ role: 'verdachte' as const }], true],
    [{ involved: false, ages: [] }, [{ role: 'kind' as const, age: 7 }], true],
  ])('marks KM only when children are involved (%#)', (children, persons, km) => {
    expect(isKm({ children, persons })).toBe(km);
  });

  it('lists children ages oldest first, from the intake or else from the persons', () => {
    expect(childAges({ children: { involved: true, ages: [3, 13, 9] }, persons: [] })).toEqual([13, 9, 3]);
    expect(
      childAges({
        children: { involved: true, ages: [] },
        persons: [
          { role: 'kind', age: 5 },
          { role: 'kind', age: 11 },
        ],
      }),
    ).toEqual([11, 5]);
  });

  it('rejects personal data fields and unknown fields (strict schemas)', () => {
    const withName = { ...sampleIntake(), persons: [{ role: 'verdachte', name: 'X' }] };
    expect(caseIntakeSchema.safeParse(withName).success).toBe(false);
    const withBirth = { ...sampleIntake(), birthDate: '1990-01-01' };
    expect(caseIntakeSchema.safeParse(withBirth).success).toBe(false);
    expect(caseIntakeSchema.safeParse(sampleIntake()).success).toBe(true);
  });

  it('builds an open case in round 1 with the location termijn', () => {
    const intake = caseIntakeSchema.parse(sampleIntake({ intakeAt: '2026-11-23T18:00:00.000Z' }));
    const c = buildCase({
      id: 'abc',
      intake,
      intakeHash: 'h',
      persons: [],
      termijnHours: 6,
      now: '2026-11-23T18:01:00.000Z',
      createdBy: 'intake-api',
    });
    expect(c).toMatchObject({ status: 'open', round: 1, kmFlag: true, deadline: '2026-11-24T00:00:00.000Z' });
    expect(c.facts.childAges).toEqual([13, 9]);
  });
});
