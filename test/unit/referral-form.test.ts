import { describe, expect, it } from 'vitest';
import {
  parseReferralForm,
  pickFormValues,
  type ReferralFormContext,
} from '../../src/referrals/referral-form.rules.ts';
import { validReferralData } from '../support/referral.ts';

const police = '7d5b0c43-0000-4000-8000-000000000001';
const youthCare = '7d5b0c43-0000-4000-8000-000000000002';
const context: ReferralFormContext = {
  partnerIds: new Set([police, youthCare]),
  onBehalfOfExternal: false,
  today: '2026-11-23',
};
const valid = (overrides: Record<string, string | undefined> = {}) => validReferralData([police, youthCare], overrides);
const errorsOf = (data: Record<string, string>, ctx = context) => {
  const result = parseReferralForm(pickFormValues(data), ctx);
  return result.ok ? {} : result.errors;
};

describe('the intake form', () => {
  it('turns a complete form into an aanmelding', () => {
    const result = parseReferralForm(pickFormValues(valid()), context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.referral.persons).toEqual([
      {
        position: 1,
        name: 'Jan Fictief',
        birthDate: '1990-04-12',
        address: 'Kaya Fictief 1, Kralendijk',
        bsn: '111222333',
      },
      {
        position: 2,
        name: 'Mira Fictief',
        birthDate: '2012-09-30',
        address: 'Kaya Fictief 1, Kralendijk',
        relation: 'dochter',
      },
    ]);
    expect(Object.keys(result.referral.lifeDomains)).toEqual(['housing', 'finances', 'domesticViolence']);
    expect(result.referral.chains).toEqual(['care', 'justice']);
    expect(result.referral.informed).toEqual({ informed: true, by: 'De aanmelder, op 20 november' });
    expect(result.referral.external).toBeUndefined();
  });

  it.each([
    ['p1_name', { p1_name: '' }, 'Vul de naam van de betrokkene in.'],
    ['p1_birthDate', { p1_birthDate: undefined }, 'Vul de geboortedatum van de betrokkene in.'],
    [
      'p1_birthDate',
      { p1_birthDate: '30-02-2026' },
      'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 12-04-1990.',
    ],
    [
      'p1_birthDate',
      { p1_birthDate: 'gisteren' },
      'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 12-04-1990.',
    ],
    ['p1_birthDate', { p1_birthDate: '01-01-2027' }, 'De geboortedatum ligt in de toekomst.'],
    ['p1_birthDate', { p1_birthDate: '1850-01-01' }, 'De geboortedatum ligt voor 1900.'],
    ['p1_address', { p1_address: '  ' }, 'Vul het adres van de betrokkene in.'],
    ['p1_bsn', { p1_bsn: '111222334' }, 'Dit BSN klopt niet (elfproef). Controleer de cijfers of laat het veld leeg.'],
    ['p2_relation', { p2_relation: '' }, 'Vul de relatie tot de betrokkene in (bijv. moeder, zoon).'],
    ['p2_birthDate', { p2_birthDate: '' }, 'Vul de geboortedatum van dit gezinslid in.'],
    [
      'lifeDomains',
      { domain_housing: '', domain_finances: '', domain_domesticViolence: '' },
      'Beschrijf de problemen op ten minste één leefgebied.',
    ],
    ['domain_finances', { domain_finances: 'x'.repeat(301) }, 'Maximaal 300 tekens (nu 301).'],
    ['organisations', { organisations: '' }, 'Kies de organisaties die al betrokken zijn.'],
    ['organisations', { organisations: 'not-a-partner' }, 'Kies alleen organisaties uit de lijst.'],
    ['chains', { chains: '' }, 'Kies de betrokken ketens.'],
    ['chains', { chains: 'care,school' }, 'Kies alleen ketens uit de lijst.'],
    ['criterionDomains', { criterionDomains: '' }, 'Leg uit waarom er problemen op meerdere leefgebieden zijn.'],
    ['criterionChains', { criterionChains: '' }, 'Leg uit welke ketens en organisaties betrokken zijn.'],
    [
      'criterionFamily',
      { criterionFamily: '' },
      'Leg uit welke gevolgen er zijn voor gezin of omgeving, of welke veiligheidsproblematiek er speelt.',
    ],
    [
      'informed',
      { informed: '', informedBy: '' },
      'Geef aan of de betrokkene is geïnformeerd over de aanmelding: kies Ja of Nee.',
    ],
    [
      'informed',
      { informed: undefined, notInformedReason: 'Nog niet bereikt' },
      'Vul één van beide in: door wie en wanneer de betrokkene is geïnformeerd, of waarom nog niet. Maak het andere veld leeg.',
    ],
    ['informedBy', { informedBy: '' }, 'Vul in wie de betrokkene heeft geïnformeerd.'],
    ['notInformedReason', { informed: 'no', informedBy: '' }, 'Leg uit waarom de betrokkene nog niet is geïnformeerd.'],
    ['urgency', { urgency: 'very' }, 'Kies de urgentie.'],
    ['contactPhone', { contactPhone: '', contactEmail: '' }, 'Vul een telefoonnummer of e-mailadres van jezelf in.'],
    ['contactPhone', { contactPhone: 'bel me' }, 'Geen geldig telefoonnummer.'],
    ['contactEmail', { contactEmail: 'geen-mail' }, 'Geen geldig e-mailadres.'],
  ])('when %s is wrong (%o), then it says "%s" at that field and nowhere else', (field, overrides, message) => {
    expect(errorsOf(valid(overrides))).toEqual({ [field]: message });
  });

  it('when the card sends no choice (its Ja/Nee buttons only open a field), the part that was filled in is the answer', () => {
    const said = (overrides: Record<string, string | undefined>) => {
      const result = parseReferralForm(pickFormValues(valid({ informed: undefined, ...overrides })), context);
      return result.ok ? result.referral.informed : result.errors;
    };
    expect(said({})).toEqual({ informed: true, by: 'De aanmelder, op 20 november' });
    expect(said({ informedBy: undefined, notInformedReason: 'Nog niet bereikt' })).toEqual({
      informed: false,
      reason: 'Nog niet bereikt',
    });
    expect(said({ informed: 'no', notInformedReason: 'Nog niet bereikt' })).toEqual({
      informed: false,
      reason: 'Nog niet bereikt',
    });
  });

  it('ignores an empty household row, and household rows beyond the count', () => {
    const result = parseReferralForm(
      pickFormValues(
        valid({ p2_name: '', p2_relation: '', p2_birthDate: '', p2_address: '', p3_name: 'Niet getoond' }),
      ),
      context,
    );
    expect(result.ok && result.referral.persons.map((p) => p.name)).toEqual(['Jan Fictief']);
  });

  it('reads birth dates as people type them', () => {
    const result = parseReferralForm(
      pickFormValues(valid({ p1_birthDate: '2-3-1990', p2_birthDate: '2012-09-30' })),
      context,
    );
    expect(result.ok && result.referral.persons.map((p) => p.birthDate)).toEqual(['1990-03-02', '2012-09-30']);
  });

  it('accepts a BSN typed with spaces and dots, and stores it normalised', () => {
    const result = parseReferralForm(pickFormValues(valid({ p1_bsn: '1112.22.333' })), context);
    expect(result.ok && result.referral.persons[0]?.bsn).toBe('111222333');
  });

  it("keeps only the card's own inputs", () => {
    expect(
      pickFormValues({ verb: 'referral.submit', caseId: 'x', p1_name: ' Jan ', rosterNames: {}, personCount: 2 }),
    ).toEqual({ p1_name: 'Jan', personCount: '2' });
  });

  describe('registered by the procesmanager for a non-partner professional', () => {
    const external = { ...context, onBehalfOfExternal: true };

    it('asks who the referrer is and on whose behalf the case runs', () => {
      expect(errorsOf(valid(), external)).toEqual({
        externalName: 'Vul de naam van de aanmelder in.',
        externalOrganisation: 'Vul de organisatie van de aanmelder in.',
        externalPhone: 'Vul een telefoonnummer of e-mailadres van de aanmelder in.',
        responsibleOrganisationId: 'Kies de partner op wiens gezag de casus wordt behandeld.',
      });
    });

    it('records the external referrer and the responsible partner', () => {
      const result = parseReferralForm(
        pickFormValues(
          valid({
            externalName: 'Els Extern',
            externalOrganisation: 'Huisartsenpraktijk',
            externalEmail: 'els@praktijk.example',
            responsibleOrganisationId: youthCare,
          }),
        ),
        external,
      );
      expect(result.ok && result.referral.external).toEqual({
        name: 'Els Extern',
        organisation: 'Huisartsenpraktijk',
        email: 'els@praktijk.example',
      });
      expect(result.ok && result.referral.responsibleOrganisationId).toBe(youthCare);
    });
  });
});
