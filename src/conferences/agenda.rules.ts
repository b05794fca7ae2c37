/**
 * What an agenda is made of, independent of where the items come from. Each item is on the agenda for a
 * reason; the reasons have the order of docs/domain.md#agenda-order. A later feature adds a reason here and
 * inserts items with it: composition, slots and capacity need no change.
 */
export const agendaReasons = ['newCase', 'backOnAgenda', 'returnFromShadowList', 'overdueActions'] as const;
export type AgendaReason = (typeof agendaReasons)[number];

export const reasonRank = (reason: AgendaReason) => agendaReasons.indexOf(reason);

export interface PositionedItem {
  reason: AgendaReason;
  position: number;
}

/**
 * Where a newly arriving item goes: after every item whose reason comes before or with its own, so new
 * cases stay ahead of returning ones, and a manual order the procesmanager made is kept. Gives the new
 * item's position and the items behind it that move one down.
 */
export function placeArrival<T extends PositionedItem & { id: string }>(
  items: readonly T[],
  reason: AgendaReason,
): { position: number; shifted: { id: string; position: number }[] } {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const rank = reasonRank(reason);
  let at = 0;
  sorted.forEach((item, k) => {
    if (reasonRank(item.reason) <= rank) at = k + 1;
  });
  const renumbered = sorted.map((item, k) => ({ id: item.id, position: k < at ? k + 1 : k + 2, was: item.position }));
  return {
    position: at + 1,
    shifted: renumbered.filter((r) => r.position !== r.was).map(({ id, position }) => ({ id, position })),
  };
}

export interface Slot {
  start: Date;
  end: Date;
}

export interface ComposedAgenda<T> {
  /** In agenda order, each with its time slot. */
  items: (T & { slot: Slot })[];
  /** What does not fit, lowest priority last: moves to the next session. */
  overflow: T[];
}

/** Orders the items by position, gives each a slot from the session start, and cuts at capacity. */
export function composeAgenda<T extends { position: number }>(
  items: readonly T[],
  session: { startsAt: Date; minutesPerCase: number; capacity: number },
): ComposedAgenda<T> {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const step = session.minutesPerCase * 60_000;
  const start = session.startsAt.getTime();
  return {
    items: sorted.slice(0, session.capacity).map((item, i) => ({
      ...item,
      slot: { start: new Date(start + i * step), end: new Date(start + (i + 1) * step) },
    })),
    overflow: sorted.slice(session.capacity),
  };
}

/** Swaps an item with its neighbour; the positions to write back. */
export function moveItem<T extends { id: string; position: number }>(
  items: readonly T[],
  id: string,
  direction: 'up' | 'down',
): { id: string; position: number }[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const i = sorted.findIndex((x) => x.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= sorted.length) return [];
  // Renumber all, so equal or sparse positions cannot make a swap a no-op.
  [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  return sorted.map((x, k) => ({ id: x.id, position: k + 1 }));
}

/** Moves an item to a place (1 is the top) in one step, the others closing up; the positions to write back. */
export function moveItemTo<T extends { id: string; position: number }>(
  items: readonly T[],
  id: string,
  place: number,
): { id: string; position: number }[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  const i = sorted.findIndex((x) => x.id === id);
  const to = Math.min(Math.max(Math.trunc(place), 1), sorted.length) - 1;
  if (i < 0 || !Number.isFinite(place) || to === i) return [];
  const [moved] = sorted.splice(i, 1);
  sorted.splice(to, 0, moved!);
  return sorted.map((x, k) => ({ id: x.id, position: k + 1 }));
}
