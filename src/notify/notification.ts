import type { ActionNotification } from './action-notifications.ts';
import type { CaseNotification } from './case-notifications.ts';
import type { ConferenceNotification } from './conference-notifications.ts';
import type { LifecycleNotification } from './lifecycle-notifications.ts';
import type { MemberNotification } from './member-notifications.ts';

/** Everything a use case can ask the bot to tell someone after its transaction committed. */
export type Notification =
  CaseNotification | ConferenceNotification | ActionNotification | LifecycleNotification | MemberNotification;
