import { termijnReminderAt, termijnState } from '../../../../src/domain/rounds/termijn';
import { at, h } from './fixtures';

describe('termijn', () => {
  const deadline = h(6);

  it('reminds an hour before by default, or as configured', () => {
    expect(termijnReminderAt(deadline)).toBe(h(5));
    expect(termijnReminderAt('2026-03-02T15:00:00+01:00', 30)).toBe(at(5 * 60 + 30));
  });

  it.each([
    [at(6 * 60 - 61), 'ample'],
    [at(6 * 60 - 60), 'near'],
    [at(6 * 60 - 1), 'near'],
    [deadline, 'passed'],
    [at(6 * 60 + 1), 'passed'],
  ])('at %s the termijn is %s', (now, state) => {
    expect(termijnState(deadline, now)).toBe(state);
    expect(termijnState(deadline, new Date(now))).toBe(state);
  });

  it('uses the given warning window', () => {
    expect(termijnState(deadline, h(5), 30)).toBe('ample');
    expect(termijnState(deadline, at(5 * 60 + 30), 30)).toBe('near');
  });

  it('refuses an invalid deadline instead of calling it ruim', () => {
    expect(() => termijnState('soon', h(0))).toThrow(RangeError);
  });
});
