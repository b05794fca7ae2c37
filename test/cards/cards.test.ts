import { describe, expect, it } from 'vitest';
import { helpCard } from '../../cards/help.card.ts';
import { memberFormCard } from '../../cards/members.card.ts';
import { Verb } from '../../cards/verbs.ts';
import { screeningCard } from '../../cards/screening.card.ts';
import { actionLabel } from '../../cards/logbook.card.ts';
import { caseReferencePreview } from '../../cards/case-reference.card.ts';
import { caseRecord } from './card-fixtures.ts';
import { textOf } from '../support/bot.ts';

const verbs = new Set<string>(Object.values(Verb));
function actionVerbs(card: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(card, (key, value) => {
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'Action.Execute')
      found.push((value as { verb: string }).verb);
    return value;
  });
  return found;
}

describe('help card', () => {
  it('shows a procesmanager the member commands and buttons', () => {
    const card = helpCard({ welcome: false, viewer: { role: 'processManager', organisationName: 'ZVH' } });
    expect(card.version).toBe('1.5');
    expect(textOf(card)).toContain('lid toevoegen');
    expect(actionVerbs(card)).toEqual([
      Verb.actionMine,
      Verb.referralNew,
      Verb.caseList,
      Verb.agendaList,
      Verb.memberForm,
      Verb.memberList,
    ]);
  });

  it('shows a participant neither member management nor its buttons', () => {
    const card = helpCard({ welcome: false, viewer: { role: 'participant', organisationName: 'Forma' } });
    expect(textOf(card)).not.toContain('lid toevoegen');
    expect(actionVerbs(card)).toEqual([
      Verb.actionMine,
      Verb.referralNew,
      Verb.referralMine,
      Verb.caseList,
      Verb.agendaList,
    ]);
    expect(textOf(card)).toContain('deelnemer casusoverleg bij Forma');
  });

  it('welcomes someone unknown and says whom to ask', () => {
    const card = helpCard({ welcome: true });
    expect(textOf(card)).toContain('Welkom bij Casusbot');
    expect(textOf(card)).toContain('Vraag de procesmanager');
    expect(actionVerbs(card)).toEqual([]);
  });
});

describe('member form', () => {
  const organisations = [{ id: '7d5b0c43-0000-4000-8000-000000000001', name: 'Forma', kind: 'partner' as const }];

  it('keeps the values and shows each error under its own field', () => {
    const card = memberFormCard({
      roster: [],
      organisations,
      values: { displayName: 'Ria', role: 'participant' },
      errors: { organisationId: 'Kies een organisatie.' },
    });
    const body = card.body as Record<string, unknown>[];
    const org = body.findIndex((e) => e.id === 'organisationId');
    expect(body[org + 1]).toMatchObject({ type: 'TextBlock', text: 'Kies een organisatie.', color: 'Attention' });
    expect(body.find((e) => e.id === 'displayName')).toMatchObject({ value: 'Ria' });
    expect(body.find((e) => e.id === 'role')).toMatchObject({ value: 'participant' });
    expect(textOf(card)).toContain('Eén veld is niet goed ingevuld');
  });

  it('only uses verbs the handlers know', () => {
    const card = memberFormCard({ roster: [{ aadObjectId: 'a', name: 'A' }], organisations });
    for (const verb of actionVerbs(card)) expect(verbs).toContain(verb);
  });
});

describe('screening card of a case decided meanwhile', () => {
  it('an accepted case without a planned meeting says so instead of failing (a late screening request)', () => {
    const view = {
      case: caseRecord({ status: 'accepted' }),
      tables: [],
      refreshFor: [],
      timeZone: 'America/Kralendijk',
    };
    expect(textOf(screeningCard(view))).toContain('Geaccepteerd. Nog geen bespreking gepland.');
  });
});

describe('logbook labels', () => {
  it('a refused attempt reads in Dutch for every button and command, never as a verb name', () => {
    for (const verb of Object.values(Verb)) {
      const label = actionLabel(`refused:${verb}`);
      expect(label, verb).toMatch(/^geweigerd \([a-z]+\)$/);
    }
    expect(actionLabel('refused:logboek')).toBe('geweigerd ("logboek")');
  });
});

describe('the preview of a case reference (message extension)', () => {
  const badge = { id: '7d5b0c43-0000-4000-8000-000000000001', reference: 'ZVH-2026-0084', directed: true } as const;

  it("names reference and stage, then table and next meeting in the table's time", () => {
    const preview = caseReferencePreview(
      {
        ...badge,
        status: 'accepted',
        table: { name: 'Casusoverleg Bonaire', timeZone: 'America/Kralendijk' },
        // 02:00 UTC is 22:00 the evening before on Bonaire.
        nextSessionAt: new Date('2026-03-04T02:00:00Z'),
      },
      'Europe/Amsterdam',
    );
    expect(preview).toEqual({
      title: 'ZVH-2026-0084 · Onder regie',
      text: 'Casusoverleg Bonaire · volgend overleg di 3 mrt, 22:00',
    });
  });

  it('says so when the case has no table yet', () => {
    const preview = caseReferencePreview({ ...badge, directed: false, status: 'submitted' }, 'America/Kralendijk');
    expect(preview).toEqual({ title: 'ZVH-2026-0084 · Wacht op screening', text: 'Nog geen tafel' });
  });
});
