import { screeningCard, type ScreeningView } from '../../cards/screening.card.ts';
import { screeningOptions } from '../../src/screening/screening-view.ts';
import type { UseCaseDeps } from '../../src/use-case.ts';

/** The screening card with what every rendering needs: the tables to choose from and whom Teams refreshes it for. */
export async function screeningCardFor(
  deps: UseCaseDeps & { figuresTimeZone: string },
  view: Omit<ScreeningView, 'tables' | 'refreshFor' | 'timeZone'>,
) {
  return screeningCard({ ...view, ...(await screeningOptions(deps)), timeZone: deps.figuresTimeZone });
}
