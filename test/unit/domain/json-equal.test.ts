import fc from 'fast-check';
import { canonicalJson } from '../../../src/domain/audit-chain';
import { jsonEqual } from '../../../src/domain/json-equal';

describe('jsonEqual', () => {
  it.each([
    [{ a: 1, b: 'x' }, { b: 'x', a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [[undefined], [null], true],
    [[1], [1, 2], false],
    [{ a: { b: { c: true } } }, { a: { b: { c: true } } }, true],
    [{ a: { b: { c: true } } }, { a: { b: { c: false } } }, false],
    [{ a: [] }, { a: {} }, false],
    [{}, [], false],
    [null, {}, false],
    ['1', 1, false],
    [{ a: 1, b: 2 }, { a: 1, c: 2 }, false],
  ])('%j vs %j: %s', (a, b, expected) => {
    expect(jsonEqual(a, b)).toBe(expected);
    expect(jsonEqual(b, a)).toBe(expected);
  });

  it('agrees with comparing canonical JSON texts', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, 1, 'a', 'b'),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(jsonEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
        expect(jsonEqual(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
