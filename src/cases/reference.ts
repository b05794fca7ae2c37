/** Readable case reference: ZVH-2026-0042. */
export function formatReference(year: number, sequence: number): string {
  return `ZVH-${year}-${String(sequence).padStart(4, '0')}`;
}
