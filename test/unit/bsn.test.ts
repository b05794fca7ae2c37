import { describe, expect, it } from 'vitest';
import { isValidBsn, normaliseBsn } from '../../src/referrals/bsn.ts';

describe('elfproef', () => {
  it.each(['111222333', '123456782', '999999990', '12345672'])('accepts %s', (bsn) =>
    expect(isValidBsn(bsn)).toBe(true),
  );
  it.each([
    ['one digit wrong', '123456783'],
    ['two digits swapped', '213456782'],
    ['too short', '1234567'],
    ['too long', '1234567820'],
    ['letters', '12345678a'],
    ['all zeros', '000000000'],
    ['empty', ''],
  ])('refuses %s', (_why, bsn) => expect(isValidBsn(bsn)).toBe(false));
  it('ignores spaces and dots a person types', () => {
    expect(isValidBsn('1234.56.782')).toBe(true);
    expect(normaliseBsn('1234 5672')).toBe('012345672');
  });
});
