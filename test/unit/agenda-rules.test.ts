import { describe, expect, it } from 'vitest';
import {
  composeAgenda,
  moveItem,
  moveItemTo,
  placeArrival,
  type AgendaReason,
} from '../../src/conferences/agenda.rules.ts';

const item = (id: string, reason: AgendaReason, position: number) => ({ id, reason, position });
const order = <T extends { id: string; position: number }>(items: T[]) =>
  [...items].sort((a, b) => a.position - b.position).map((i) => i.id);

describe('placeArrival: the order of docs/domain.md#agenda-order, new cases first', () => {
  it('puts each reason after the reasons that come before it, whatever the arrival order', () => {
    const items: ReturnType<typeof item>[] = [];
    const arrive = (id: string, reason: AgendaReason) => {
      const { position, shifted } = placeArrival(items, reason);
      for (const s of shifted) items.find((i) => i.id === s.id)!.position = s.position;
      items.push(item(id, reason, position));
      expect(new Set(items.map((i) => i.position)).size).toBe(items.length); // never two on one place
    };
    arrive('overdue', 'overdueActions');
    arrive('shadow', 'returnFromShadowList');
    arrive('back', 'backOnAgenda');
    arrive('new1', 'newCase');
    arrive('new2', 'newCase');
    arrive('back2', 'backOnAgenda');
    expect(order(items)).toEqual(['new1', 'new2', 'back', 'back2', 'shadow', 'overdue']);
  });

  it('keeps an order the procesmanager made: a new arrival goes after the last item of its rank', () => {
    const items = [
      item('a', 'newCase', 1),
      item('b', 'backOnAgenda', 2),
      item('c', 'newCase', 3),
      item('d', 'overdueActions', 4),
    ];
    expect(placeArrival(items, 'newCase')).toEqual({ position: 4, shifted: [{ id: 'd', position: 5 }] });
    expect(placeArrival(items, 'overdueActions')).toEqual({ position: 5, shifted: [] });
  });
});

describe('composeAgenda', () => {
  const session = { startsAt: new Date('2026-11-24T14:00:00Z'), minutesPerCase: 15, capacity: 3 };

  it('gives each item a slot from the session start, in order', () => {
    const { items, overflow } = composeAgenda([item('b', 'newCase', 2), item('a', 'newCase', 1)], session);
    expect(items.map((i) => [i.id, i.slot.start.toISOString(), i.slot.end.toISOString()])).toEqual([
      ['a', '2026-11-24T14:00:00.000Z', '2026-11-24T14:15:00.000Z'],
      ['b', '2026-11-24T14:15:00.000Z', '2026-11-24T14:30:00.000Z'],
    ]);
    expect(overflow).toEqual([]);
  });

  it('over capacity, the last items overflow', () => {
    const { items, overflow } = composeAgenda(
      [1, 2, 3, 4, 5].map((n) => item(`i${n}`, 'newCase', n)),
      session,
    );
    expect(items.map((i) => i.id)).toEqual(['i1', 'i2', 'i3']);
    expect(overflow.map((i) => i.id)).toEqual(['i4', 'i5']);
  });
});

describe('moveItem', () => {
  const items = [item('a', 'newCase', 1), item('b', 'newCase', 2), item('c', 'newCase', 3)];
  it('swaps with the neighbour and renumbers', () => {
    expect(moveItem(items, 'c', 'up')).toEqual([
      { id: 'a', position: 1 },
      { id: 'c', position: 2 },
      { id: 'b', position: 3 },
    ]);
    expect(moveItem(items, 'a', 'down')).toEqual([
      { id: 'b', position: 1 },
      { id: 'a', position: 2 },
      { id: 'c', position: 3 },
    ]);
  });
  it('does nothing past either end or for an unknown item', () => {
    expect(moveItem(items, 'a', 'up')).toEqual([]);
    expect(moveItem(items, 'c', 'down')).toEqual([]);
    expect(moveItem(items, 'x', 'up')).toEqual([]);
  });
});

describe('moveItemTo', () => {
  const items = [item('a', 'newCase', 1), item('b', 'newCase', 2), item('c', 'newCase', 3), item('d', 'newCase', 4)];
  const order = (moves: { id: string; position: number }[]) => moves.map((m) => m.id).join('');
  it('moves to the chosen place in one step, the others closing up', () => {
    expect(order(moveItemTo(items, 'd', 1))).toBe('dabc');
    expect(order(moveItemTo(items, 'a', 3))).toBe('bcad');
    expect(moveItemTo(items, 'b', 4)).toEqual([
      { id: 'a', position: 1 },
      { id: 'c', position: 2 },
      { id: 'd', position: 3 },
      { id: 'b', position: 4 },
    ]);
  });
  it('keeps a place beyond the ends at the end, and does nothing for its own place, an unknown item or no number', () => {
    expect(order(moveItemTo(items, 'a', 99))).toBe('bcda');
    expect(order(moveItemTo(items, 'c', 0))).toBe('cabd');
    expect(moveItemTo(items, 'b', 2)).toEqual([]);
    expect(moveItemTo(items, 'x', 1)).toEqual([]);
    expect(moveItemTo(items, 'a', Number.NaN)).toEqual([]);
  });
});
