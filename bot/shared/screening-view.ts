import { screeningCard, type ScreeningView } from '../../cards/screening.card.ts';
import { screeningOptions } from '../../src/screening/screening-view.ts';
import type { UseCaseDeps } from '../../src/use-case.ts';

/** The screening card with what every rendering needs: the tables to choose from and whom Teams refreshes it for. */
export async function screeningCardFor(deps: UseCaseDeps, view: Omit<ScreeningView, 'tables' | 'refreshFor'>) {
  return screeningCard({ ...view, ...(await screeningOptions(deps)) });
}
