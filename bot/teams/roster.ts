import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../src/logger.ts';
import type { Roster } from '../deps.ts';

/** Reads the conversation's members from Teams; an empty list when Teams cannot tell (the form then asks by hand). */
export function teamsRoster(log: Logger): Roster {
  return {
    async membersOf(context: TurnContext) {
      try {
        const { members } = await TeamsInfo.getPagedMembers(context, 200);
        return members
          .filter((m) => m.aadObjectId)
          .map((m) => ({ aadObjectId: m.aadObjectId!, name: m.name ?? m.aadObjectId! }));
      } catch (error) {
        log.warn({ errorType: (error as Error)?.name }, 'could not read the conversation roster');
        return [];
      }
    },
  };
}
