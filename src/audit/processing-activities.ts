/**
 * The register of the ZVH's processing activities (verwerkingsactiviteiten, AVG art. 30): every event in the
 * logbook names one, so "for which purpose" is always one of these and never free text.
 */
export const processingActivities = {
  aanmelding: { name: 'Aanmelding', purpose: 'Een casus aanmelden voor het casusoverleg' },
  screening: { name: 'Screening', purpose: 'Een aanmelding toetsen aan de drie landelijke criteria' },
  herhaalcontrole: {
    name: 'Herhaalcontrole',
    purpose: 'Nagaan of een aangemelde persoon al bekend is in een lopende of bewaarde casus (herhaalde aanmelding)',
  },
  casusoverleg: { name: 'Casusoverleg', purpose: 'Beeldvorming, oordelen en besluiten over een casus aan tafel' },
  regie: { name: 'Regie', purpose: 'De uitvoering van het plan volgen door de casusregisseur' },
  overdracht: { name: 'Overdracht', purpose: 'Een casus overdragen aan een andere overlegtafel of een extern gremium' },
  toestemming: {
    name: 'Toestemming',
    purpose: 'Een inbrenger laat een andere organisatie zijn gegevens gebruiken, of niet (zeggenschap)',
  },
  informeren: { name: 'Informeren', purpose: 'Vastleggen wie de betrokkene informeert over de bespreking, en wanneer' },
  evaluatie: { name: 'Evaluatie', purpose: 'Een afgesloten casus evalueren' },
  inzage: {
    name: 'Inzage',
    purpose: 'Een betrokkene inzage geven in wat over hem of haar is vastgelegd (AVG art. 15)',
  },
  verwijdering: { name: 'Verwijdering', purpose: 'Persoonsgegevens verwijderen na de bewaartermijn' },
  toegangscontrole: { name: 'Toegangscontrole', purpose: 'Een poging tot inzage of wijziging zonder recht weigeren' },
  logboek: { name: 'Logboek', purpose: 'Toezicht op wie welke gegevens verwerkte' },
  tafelbeheer: { name: 'Tafelbeheer', purpose: 'Overlegtafels, hun overleggen en agenda beheren' },
  deelnemersbeheer: { name: 'Deelnemersbeheer', purpose: 'Deelnemers en hun organisatie registreren' },
  geheimhouding: {
    name: 'Geheimhouding',
    purpose: 'Een geheimhoudingsverklaring vaststellen en laten aanvaarden door incidentele deelnemers en gasten',
  },
  kengetallen: {
    name: 'Kengetallen',
    purpose: 'Cijfers zonder persoonsgegevens voor de (kern)stuurgroep en het jaarverslag',
  },
  demogegevens: { name: 'Demogegevens', purpose: 'Fictieve gegevens voor een demonstratie' },
} as const;

export type ProcessingActivity = keyof typeof processingActivities;

export function isProcessingActivity(value: string): value is ProcessingActivity {
  return Object.hasOwn(processingActivities, value);
}
