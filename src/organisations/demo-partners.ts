/** The network itself: the procesmanager works for it, not for a partner. */
export const networkOrganisationName = 'Zorg- en Veiligheidshuis (procesmanagement)';

/** The 14 partners of ZVH Bonaire (docs/domain.md#the-network-and-its-partners), used as demo data. */
export const demoPartnerNames = [
  'Korps Politie CN',
  'Expertisecentrum Onderwijs Zorg',
  'Mental Health Caribbean',
  'Stichting Reclassering CN',
  'Openbaar Ministerie BES',
  'Openbaar Lichaam Bonaire',
  'Forma',
  'Scholengemeenschap Bonaire',
  'Jeugdzorg CN',
  'Centrum voor Jeugd en Gezin',
  'Justitiële Inrichting CN',
  'Voogdijraad CN',
  'Krusada',
  'Sociale Zaken en Werkgelegenheid',
] as const;

/** One overlegtafel: every two weeks on Tuesday at 10:00, Bonaire time (UTC-4), all partners at the table, 8 cases of 15 minutes. */
export const demoTable = {
  name: 'Casusoverleg Bonaire',
  schedule: {
    timeZone: 'America/Kralendijk',
    weekday: 2,
    startTime: '10:00',
    anchorDate: '2026-01-06',
    intervalWeeks: 2,
    sessionMinutes: 120,
    minutesPerCase: 15,
  },
  agendaLeadHours: 24,
};

/**
 * Fictitious people for trying Casusbot locally; the Agents Playground is configured with the same
 * ids (scripts/playground.ts). Never seeded when Microsoft app credentials are set.
 */
export const demoMembers = [
  {
    aadObjectId: '00000000-0000-4000-8000-000000000020',
    teamsUserId: 'user-id-0',
    displayName: 'Ingrid Martina',
    phone: '+599 715 8300',
    email: 'ingrid.martina@zvh-bonaire.example',
    organisationName: networkOrganisationName,
    role: 'processManager',
  },
  {
    aadObjectId: '00000000-0000-4000-8000-000000000021',
    teamsUserId: 'user-id-1',
    displayName: 'Ruben Croes',
    phone: '+599 717 8000',
    email: 'ruben.croes@politie-cn.example',
    organisationName: 'Korps Politie CN',
    role: 'participant',
  },
  {
    aadObjectId: '00000000-0000-4000-8000-000000000022',
    teamsUserId: 'user-id-2',
    displayName: 'Shirley Thomas',
    phone: '+599 717 9090',
    email: 'shirley.thomas@mhc.example',
    organisationName: 'Mental Health Caribbean',
    role: 'participant',
  },
  {
    aadObjectId: '00000000-0000-4000-8000-000000000023',
    teamsUserId: 'user-id-3',
    displayName: 'Marco Rosaria',
    phone: '+599 717 2400',
    email: 'marco.rosaria@jeugdzorg-cn.example',
    organisationName: 'Jeugdzorg CN',
    role: 'contactPerson',
  },
  {
    aadObjectId: '00000000-0000-4000-8000-000000000024',
    teamsUserId: 'user-id-4',
    displayName: 'Anouk de Wit',
    phone: '+599 715 5400',
    email: 'anouk.dewit@bonairegov.example',
    organisationName: 'Openbaar Lichaam Bonaire',
    role: 'participant',
  },
] as const;

/** In the Playground but not registered: shows what a stranger gets. */
export const demoStranger = {
  aadObjectId: '00000000-0000-4000-8000-000000000025',
  teamsUserId: 'user-id-5',
  displayName: 'Kevin Janga',
} as const;
