import { DomainError, ErrorCode } from '../../src/errors.ts';

/** The one table from domain error codes to what the user reads. */
const messages: Record<ErrorCode, string> = {
  [ErrorCode.NotAMember]: 'Je bent geen geregistreerd lid van het casusoverleg.',
  [ErrorCode.Forbidden]: 'Dat mag je met jouw rol niet doen.',
  [ErrorCode.NotFound]: 'Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.',
  [ErrorCode.Invalid]: 'Niet alle gegevens zijn goed ingevuld.',
  [ErrorCode.Conflict]:
    'Dat kan nu niet: iemand anders heeft dit intussen gewijzigd, of het past niet bij de huidige stand.',
};

const permissionMessages: Record<string, string> = {
  'members.register': 'Alleen de procesmanager kan leden registreren.',
  'members.list': 'Alleen de procesmanager en contactpersonen kunnen de ledenlijst zien.',
  'referrals.submit':
    'Alleen medewerkers van convenantpartners kunnen aanmelden. Werk je bij een andere organisatie, neem dan contact op met de procesmanager.',
  'referrals.submitForExternal': 'Alleen de procesmanager kan aanmelden namens een niet-aangesloten organisatie.',
  'screening.decide': 'Alleen de procesmanager beoordeelt aanmeldingen.',
  'tables.manage': 'Alleen de procesmanager kan overlegtafels beheren en een tafel aan een kanaal koppelen.',
  'agenda.manage': 'Alleen de procesmanager kan de agenda samenstellen en publiceren.',
  'decisions.record': 'Alleen de voorzitter van de tafel (of de procesmanager) legt besluiten vast.',
  'sessions.run': 'Alleen de voorzitter van de tafel (of de procesmanager) kan het overleg leiden.',
  'discussion.contribute': 'Jouw organisatie is niet uitgenodigd voor deze casus.',
  'actions.claim':
    'Deze actie is voor een andere organisatie. Alleen een medewerker van die organisatie kan hem oppakken.',
  'actions.reassign': 'Alleen de casusregisseur of de procesmanager kan een actie aan iemand anders geven.',
  'informing.record': 'Alleen wie de betrokkene informeert (of de procesmanager) legt dat vast.',
  'inzage.produce': 'Alleen de procesmanager maakt een inzagedocument.',
  'consent.answer': 'Alleen de organisatie die de informatie inbracht, beslist over toestemming.',
  'logbook.view': 'Alleen de procesmanager kan het logboek inzien.',
  'regie.direct': 'Alleen de casusregisseur van deze casus (of de procesmanager) kan dit doen.',
  'regie.changeDirector': 'Alleen de procesmanager kan de casusregisseur wijzigen.',
  'proposals.decide': 'Alleen de procesmanager beslist over voorstellen voor de schaduwlijst of afsluiten.',
  'evaluations.remind': 'Alleen de procesmanager stuurt herinneringen voor evaluaties.',
};

/** Why a step does not fit the current state, for the Conflict errors that say so. */
const reasonMessages: Record<string, string> = {
  caseClosed: 'Deze casus is afgesloten; dat kan niet meer.',
  onShadowList: 'De casus staat op de schaduwlijst. Haal hem eerst terug.',
  notOnShadowList: 'De casus staat niet (meer) op de schaduwlijst.',
  noSessionWithRoom: 'Er is geen overleg met ruimte gevonden. Neem contact op met de procesmanager.',
  proposalOpen: 'Er ligt al een voorstel voor deze casus bij de procesmanager.',
  caseChanged: 'De casus is intussen veranderd. Open hem opnieuw.',
  notClosed: 'Deze casus is nog niet afgesloten.',
  consentPending: 'Nog niet alle inbrengers hebben geantwoord; rond de overdracht daarna af.',
  contributionWithdrawn:
    'Deze inbreng is ingetrokken na een nieuw doel; er kan geen toestemming meer voor worden gevraagd.',
  ownContribution: 'Dit is inbreng van jouw eigen organisatie: daarvoor is geen toestemming nodig.',
};

export function userMessageFor(error: DomainError): string {
  const permission = error.details.permission;
  const reason = error.details.reason;
  return (
    (typeof permission === 'string' && permissionMessages[permission]) ||
    (typeof reason === 'string' && reasonMessages[reason]) ||
    messages[error.code]
  );
}
