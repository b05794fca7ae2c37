import { screeningCard, type ScreeningView } from '../cards/screening.card.ts';
import type { Clock } from '../src/clock.ts';
import { planAndListTablesWithFirstFreeSession } from '../src/conferences/free-sessions.ts';
import type { Db } from '../src/db/client.ts';
import { listActiveMembers } from '../src/members/member.repository.ts';

/** The screening card with what every rendering needs: the tables to choose from and whom Teams refreshes it for. */
export async function screeningCardFor(
  deps: { db: Db; clock: Clock },
  view: Omit<ScreeningView, 'tables' | 'refreshFor'>,
) {
  const { db } = deps;
  const processManagers = await listActiveMembers(db, { role: 'processManager' });
  return screeningCard({
    ...view,
    tables: await planAndListTablesWithFirstFreeSession(db, deps.clock.now()),
    refreshFor: processManagers.flatMap((pm) => (pm.teamsUserId ? [pm.teamsUserId] : [])),
  });
}
