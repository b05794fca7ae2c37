import { type ConflictReason, DomainError, ErrorCode, type Permission } from '../../src/errors.ts';

/** The one table from domain error codes to what the user reads. */
const messages: Record<ErrorCode, string> = {
  [ErrorCode.NotAMember]: 'Je bent geen geregistreerd lid van het casusoverleg.',
  [ErrorCode.Forbidden]: 'Dat mag je met jouw rol niet doen.',
  [ErrorCode.NotFound]: 'Dat kan ik niet vinden. Misschien is het verwijderd, of heb je er geen toegang toe.',
  [ErrorCode.Invalid]: 'Niet alle gegevens zijn goed ingevuld.',
  [ErrorCode.Conflict]:
    'Dat kan nu niet: iemand anders heeft dit intussen gewijzigd, of het past niet bij de huidige stand.',
};

/** A turn that ended because the database did not answer in time (refused, timed out, connection lost). */
export const databaseUnavailableMessage =
  'De database antwoordt op dit moment niet. Er is niets half opgeslagen; probeer het over een minuut opnieuw.';

/** One message for every permission a refusal can name: a permission without one does not compile. */
const permissionMessages: Record<Permission, string> = {
  'members.register': 'Alleen de procesmanager kan leden registreren.',
  'confidentiality.manage': 'Alleen de procesmanager kan de geheimhoudingsverklaring wijzigen.',
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
  'actions.notDone':
    'Alleen wie de actie heeft, de casusregisseur of de procesmanager kan een open actie als niet uitgevoerd melden.',
  'actions.takeHome':
    'Alleen de voorzitter, de casusregisseur of de procesmanager kiest wat een organisatie mee naar huis krijgt.',
  'informing.record': 'Alleen wie de betrokkene informeert (of de procesmanager) legt dat vast.',
  'inzage.produce': 'Alleen de procesmanager maakt een inzagedocument.',
  'consent.answer': 'Alleen de organisatie die de informatie inbracht, beslist over toestemming.',
  'logbook.view': 'Alleen de procesmanager kan het logboek inzien.',
  'logbook.viewEmployee':
    'Alleen de procesmanager kan het logboek van een medewerker inzien, en een contactpersoon dat van de medewerkers van de eigen organisatie.',
  'regie.direct': 'Alleen de casusregisseur van deze casus (of de procesmanager) kan dit doen.',
  'regie.changeDirector': 'Alleen de procesmanager kan de casusregisseur wijzigen.',
  'proposals.decide': 'Alleen de procesmanager beslist over voorstellen voor de schaduwlijst of afsluiten.',
  'evaluations.remind': 'Alleen de procesmanager stuurt herinneringen voor evaluaties.',
  'tables.list': 'Als stuurgroeplid zie je geen overlegtafels, alleen de kengetallen. Typ "cijfers".',
  'agenda.view': 'Als stuurgroeplid zie je geen agenda\'s van het casusoverleg, alleen de kengetallen. Typ "cijfers".',
  'shadowList.view': 'Als stuurgroeplid zie je de schaduwlijst niet, alleen de kengetallen. Typ "cijfers".',
  'cases.work':
    'Als stuurgroeplid zie je de kengetallen, zonder persoonsgegevens; casussen, aanmeldingen en acties zie je niet. Typ "cijfers".',
  'figures.view':
    'Alleen de procesmanager en de stuurgroep zien de kengetallen. Wil je ze inzien, vraag het dan aan de procesmanager.',
  'figures.linkChannel': 'Alleen de procesmanager koppelt het kanaal van de stuurgroep.',
  'notices.manage': 'Alleen de procesmanager ziet welke berichten niet zijn aangekomen.',
};

/** Why a step does not fit the current state: one message for every reason a Conflict error can carry. */
const reasonMessages: Record<ConflictReason, string> = {
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
  sessionClosed:
    'Dit overleg is al gesloten of geannuleerd; daar verandert niets meer aan. Wat nog besproken moet worden, komt op de agenda van een volgend overleg.',
  sessionStarted:
    'Het overleg is al begonnen: de agenda en het tijdstip liggen vast. Wat nu nog moet, zet je op de agenda van een volgend overleg.',
  sessionNotOpened:
    'Het overleg is nog niet geopend. De voorzitter opent het met "Overleg starten" op de agenda in het kanaal; daarna kan het gesloten worden.',
  tableHasAgenda:
    'Deze tafel heeft nog casussen op komende agenda\'s. Verplaats of annuleer die overleggen eerst (knop "Sessies").',
};

export function userMessageFor(error: DomainError): string {
  const { permission, reason } = error.details;
  return (permission && permissionMessages[permission]) || (reason && reasonMessages[reason]) || messages[error.code];
}
