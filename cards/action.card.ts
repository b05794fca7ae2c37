import type { MyActionLine, MyActionsView } from '../src/actions/actions.ts';
import { card, clip, execute, heading, paragraph, subheading, type AdaptiveCard, type Element } from './adaptive.ts';
import { formatIsoDate } from './labels.ts';
import { Verb } from './verbs.ts';

/** When an action is due, in words: "vandaag", "morgen", "over 3 dagen", "2 dagen over tijd". */
export function dueLabel(daysLeft: number): string {
  if (daysLeft === 0) return 'vandaag';
  if (daysLeft === 1) return 'morgen';
  if (daysLeft > 1) return `over ${daysLeft} dagen`;
  return daysLeft === -1 ? '1 dag over tijd' : `${-daysLeft} dagen over tijd`;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One action on one line: the reference and what is to be done, when it is due (only an overdue one in the
 * attention colour, today's in the accent colour), and a button that opens the action card.
 */
function actionRow(x: MyActionLine, detail?: string): Element {
  const due = capitalised(dueLabel(x.daysLeft));
  const when = `${due} (${formatIsoDate(x.dueDate)})${detail ? ` · ${detail}` : ''}`;
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [
          { type: 'TextBlock', text: `**${x.reference}** · ${clip(x.description, 120)}`, wrap: true },
          {
            type: 'TextBlock',
            text: when,
            wrap: true,
            spacing: 'None',
            size: 'Small',
            ...(x.daysLeft < 0 ? { color: 'Attention' } : x.daysLeft === 0 ? { color: 'Accent' } : { isSubtle: true }),
          },
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'Center',
        items: [{ type: 'ActionSet', actions: [execute('Openen', Verb.actionShow, { actionId: x.id })] }],
      },
    ],
  };
}

/** Who holds an action in a case one directs, and of which organisation it is: that header names nobody. */
const holder = (x: MyActionLine) =>
  `${x.organisation.name}, ${x.claimedBy ? `opgepakt door ${x.claimedBy.name}` : 'nog niet opgepakt'}`;

/**
 * `mijn acties` in sections, like a task list: what I hold, what my organisation has that nobody took yet, and
 * what is overdue in the cases I direct. Each action once (the first section it fits); an empty section is left out.
 */
export function myActionsCard(view: MyActionsView, viewer: { organisationName: string }): AdaptiveCard {
  const sections: [string, MyActionLine[], ((x: MyActionLine) => string)?][] = [
    ['Door jou opgepakt', view.mine],
    [`Nog niet opgepakt door ${viewer.organisationName}`, view.unclaimed],
    ['Over tijd in casussen waar jij regisseur bent', view.overdueDirected, holder],
  ];
  const body: Element[] = [heading('Mijn acties')];
  for (const [title, lines, detail] of sections)
    if (lines.length) body.push(subheading(title), ...lines.map((x) => actionRow(x, detail?.(x))));
  if (body.length === 1)
    body.push(
      paragraph(
        `Niets te doen: je hebt geen open acties, en ${viewer.organisationName} heeft geen acties die nog niemand oppakte.`,
      ),
    );
  return card(body, [execute('Vernieuwen', Verb.actionMine)]);
}
