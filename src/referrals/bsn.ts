/**
 * The elfproef for a burgerservicenummer: 9 digits (8 with an implied leading zero), weighted 9..2 and -1
 * for the last, sum divisible by 11. Catches a typo in one digit and most swaps of two.
 */
export function isValidBsn(input: string): boolean {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return false;
  const bsn = digits.padStart(9, '0');
  if (/^0+$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

export function normaliseBsn(input: string): string {
  return input.replace(/[\s.-]/g, '').padStart(9, '0');
}
