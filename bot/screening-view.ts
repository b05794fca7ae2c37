import { screeningCard, type ScreeningView } from '../cards/screening.card.ts';
import { listTables } from '../src/conferences/table.repository.ts';
import type { Db } from '../src/db/client.ts';
import { listActiveMembers } from '../src/members/member.repository.ts';

/** The screening card with what every rendering needs: the tables to choose from and whom Teams refreshes it for. */
export async function screeningCardFor(db: Db, view: Omit<ScreeningView, 'tables' | 'refreshFor'>) {
  const processManagers = await listActiveMembers(db, { role: 'processManager' });
  return screeningCard({
    ...view,
    tables: await listTables(db),
    refreshFor: processManagers.flatMap((pm) => (pm.teamsUserId ? [pm.teamsUserId] : [])),
  });
}
