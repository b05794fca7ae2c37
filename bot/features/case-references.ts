import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResult } from 'botbuilder';
import { caseReferenceCard, caseReferencePreview } from '../../cards/case-reference.card.ts';
import { caseSearch, referenceInLink } from '../../cards/commands.ts';
import type { CaseBadge } from '../../src/cases/case.types.ts';
import { caseBadgeByReference, searchCaseBadges } from '../../src/cases/view-cases.ts';
import type { BotDeps } from '../deps.ts';
import { actorOf } from '../teams/turn-context.ts';

/**
 * The message extension, in any chat or channel: search Casusbot for a case and insert its card, or paste a link
 * to a case and see it unfurl into that card. Everyone in the chat reads the card, so it holds only where the case
 * stands (cards/case-reference.card.ts), and only for a case the person may see; for anything else the answer is
 * an empty list, the same as for a reference that does not exist.
 */
export function registerCaseReferences(app: Application<TurnState>, deps: BotDeps): void {
  app.messageExtensions.query(caseSearch.commandId, async (context, _state, query) => {
    const typed: unknown = query.parameters[caseSearch.parameter];
    const badges = await searchCaseBadges(deps.db, actorOf(context), {
      ...(typeof typed === 'string' ? { search: typed } : {}),
      now: deps.clock.now(),
    });
    return resultOf(badges.map((b) => attachmentOf(deps, b)));
  });
  app.messageExtensions.queryLink(async (context, _state, url) => {
    const reference = referenceInLink(url);
    const badge =
      reference && (await caseBadgeByReference(deps.db, actorOf(context), reference, { now: deps.clock.now() }));
    return resultOf(badge ? [attachmentOf(deps, badge)] : []);
  });
}

/** A list of cards; an empty one is what bot/teams/turn-context.ts sends when there is nothing to show. */
function resultOf(attachments: MessagingExtensionAttachment[]): MessagingExtensionResult {
  return { type: 'result', attachmentLayout: 'list', attachments };
}

function attachmentOf(deps: BotDeps, badge: CaseBadge): MessagingExtensionAttachment {
  const card = caseReferenceCard(badge, { asOf: deps.clock.now(), networkTimeZone: deps.figuresTimeZone });
  const preview = caseReferencePreview(badge, deps.figuresTimeZone);
  return { ...CardFactory.adaptiveCard(card), preview: CardFactory.thumbnailCard(preview.title, preview.text) };
}
