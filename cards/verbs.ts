/** Action.Execute verbs: the contract between the cards and the handlers that answer them. */
export const Verb = {
  memberForm: 'members.form',
  memberRegister: 'members.register',
  memberList: 'members.list',
  referralNew: 'referral.new',
  referralEdit: 'referral.edit',
  referralAddPerson: 'referral.addPerson',
  referralSaveDraft: 'referral.saveDraft',
  referralSubmit: 'referral.submit',
  referralMine: 'referral.mine',
  screeningShow: 'screening.show',
  screeningAccept: 'screening.accept',
  screeningReject: 'screening.reject',
  screeningAskInfo: 'screening.askInfo',
  casesList: 'cases.list',
} as const;
export type Verb = (typeof Verb)[keyof typeof Verb];
