/**
 * What the tests need of Bot Framework and teams-ai: botbuilder's TestAdapter and the activity types. Tests import
 * them from here, so every import of botbuilder and teams-ai stays inside bot/ (an import rule checks it), and a
 * move to another Teams SDK changes bot/ alone.
 */
export { TestAdapter, TurnContext } from 'botbuilder';
export type { Activity, ConversationParameters, ConversationReference, ResourceResponse } from 'botbuilder';
export type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
