/** Action.Execute verbs: the contract between the cards and the handlers that answer them. */
export const Verb = {
  showHelp: 'help.show',
  memberForm: 'members.form',
  memberRegister: 'members.register',
  memberList: 'members.list',
} as const;
export type Verb = (typeof Verb)[keyof typeof Verb];
