import type { PendingReassessment } from '../src/meetings/reassessment.repository.ts';
import { card, clip, execute, heading, paragraph, type AdaptiveCard, type Element } from './adaptive.ts';
import { formatDate } from './labels.ts';
import { Verb } from './verbs.ts';

const shown = 10;

/**
 * Open re-assessments after a change of goal. For the contributing organisation: its own contributions with
 * "Behouden" and "Intrekken"; for the procesmanager: which organisations still have to answer, per case.
 */
export function reassessmentCard(
  v: { all: boolean; items: PendingReassessment[] },
  timeZone: string,
  notice?: string,
): AdaptiveCard {
  const body: Element[] = [
    heading('Herbeoordeling na een nieuw doel'),
    ...(notice ? [paragraph(notice, { color: 'Accent' })] : []),
  ];
  if (!v.items.length)
    return card([
      ...body,
      paragraph(
        v.all ? 'Er staan geen herbeoordelingen open.' : 'Jouw organisatie hoeft niets (meer) te herbeoordelen.',
      ),
    ]);
  body.push(
    paragraph(
      v.all
        ? 'Het doel van deze casussen is veranderd. Tot de organisatie antwoordt, ziet alleen zij (en de voorzitter) haar eerdere inbreng.'
        : 'Het doel van de casus is veranderd. Is jullie eerdere inbreng nog nodig voor het nieuwe doel, en mag die gebruikt worden? Tot je antwoordt, zien alleen jullie en de voorzitter hem.',
      { subtle: true },
    ),
  );
  for (const i of v.items.slice(0, shown)) {
    body.push(
      paragraph(
        `**${i.reference}** · ${i.organisation.name} · ${formatDate(i.createdAt, timeZone)}${i.text ? `: ${clip(i.text, 300)}` : ''}`,
      ),
    );
    if (!v.all) {
      body.push({
        type: 'ActionSet',
        actions: [
          execute(
            'Behouden',
            Verb.reassessmentAnswer,
            { contributionId: i.contributionId, keep: true },
            { style: 'positive' },
          ),
          execute('Intrekken', Verb.reassessmentAnswer, { contributionId: i.contributionId, keep: false }),
        ],
      });
    }
  }
  if (v.items.length > shown)
    body.push(
      paragraph(`En nog ${v.items.length - shown}; ze verschijnen hier zodra deze zijn beantwoord.`, { subtle: true }),
    );
  return card(body, [execute('Vernieuwen', Verb.reassessmentList)]);
}
