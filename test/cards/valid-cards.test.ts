import { describe, expect, it } from 'vitest';
import { card, execute, heading } from '../../cards/adaptive.ts';
import { Verb } from '../../cards/verbs.ts';
import { textOf } from '../support/bot.ts';
import { validateCard } from '../support/card-validator.ts';
import { cardFixtures } from './card-fixtures.ts';

describe('every card the bot builds is valid Adaptive Card 1.5 (1.3 for a link unfurl)', () => {
  it.each(cardFixtures)('%s', (_name, build) => {
    expect(validateCard(build())).toEqual([]);
  });
});

describe('cards without something to choose from', () => {
  const fixture = (name: string) => cardFixtures.find(([n]) => n === name)![1]();
  const verbsOf = (json: unknown) => [...JSON.stringify(json).matchAll(/"verb":"([^"]+)"/g)].map((m) => m[1]);

  it('the screening card without any overlegtafel says to make one with "tafels" and offers no accept button', () => {
    const screening = fixture('screeningCard open, no tables');
    expect(textOf(screening)).toContain('"tafels"');
    expect(verbsOf(screening)).not.toContain(Verb.screeningAccept);
    expect(verbsOf(screening)).toEqual(
      expect.arrayContaining([Verb.screeningReject, Verb.screeningAskInfo, Verb.screeningShow]),
    );
  });
});

describe('the card validator', () => {
  it('finds an unknown element type, an unknown action type and a duplicate input id, also in a show card', () => {
    const broken = card(
      [
        heading('Kapot'),
        { type: 'Input.Text', id: 'reason', label: 'Reden' },
        { type: 'Input.Txt', id: 'typo', label: 'Typo' },
      ],
      [
        {
          type: 'Action.ShowCard',
          title: 'Meer',
          card: {
            type: 'AdaptiveCard',
            version: '1.5',
            body: [{ type: 'Input.Text', id: 'reason', label: 'Nog eens' }],
            actions: [],
          },
        },
        { type: 'Action.Sumbit', title: 'Verstuur' },
        execute('Goed', 'referral.new'),
      ],
    );
    const problems = validateCard(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Unknown element type "Input.Txt"'),
        expect.stringContaining('Unknown action type "Action.Sumbit"'),
        expect.stringContaining('Duplicate Id "reason"'),
        'round trip: 1 × Input.Txt in the card, 0 after toJSON',
      ]),
    );
  });

  it('finds an unknown property, a value outside the schema, a 1.6 property and a wrong version', () => {
    const problems = validateCard({
      ...card([
        { type: 'TextBlock', text: 'x', size: 'Huge' },
        { type: 'Input.ChoiceSet', id: 'c', label: 'C', choices: [], isMultiselect: true, labelPosition: 'inline' },
      ]),
      version: '1.6',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'root: version is "1.6", expected "1.5"',
        expect.stringContaining('Invalid value "Huge" for property "size"'),
        expect.stringContaining('unknown property "isMultiselect"'),
        expect.stringContaining('Property "labelPosition" is supported in version 1.6'),
      ]),
    );
  });

  it('holds a 1.3 card (a link unfurl) to 1.3: a property of 1.5 is a problem there', () => {
    const problems = validateCard({ ...card([heading('Kop')]), version: '1.3' });
    expect(problems).toEqual([expect.stringContaining('Property "style" is supported in version 1.5')]);
    expect(validateCard({ ...card([{ type: 'TextBlock', text: 'Kop', weight: 'Bolder' }]), version: '1.3' })).toEqual(
      [],
    );
  });
});
