import { describe, expect, it } from 'vitest';
import { referralFormCard } from '../../cards/referral.card.ts';
import { screeningCard } from '../../cards/screening.card.ts';
import type { CaseRecord } from '../../src/cases/case.types.ts';
import { referralLimits as L } from '../../src/referrals/referral-form.rules.ts';
import { lifeDomains, maxPersons } from '../../src/referrals/referral.types.ts';
import { demoPartnerNames } from '../../src/organisations/demo-partners.ts';

/**
 * Teams refuses a message over 28 KB; a card that grows with what people type must stay below it.
 * Filled with plain letters and held to 24 KB: the rest is room for diacritics (two bytes each) and
 * the activity around the card.
 */
const teamsLimit = 24 * 1024;
const size = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
const full = (n: number) => 'a'.repeat(n);
const partners = demoPartnerNames.map((name, i) => ({ id: `7d5b0c43-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`, name }));

describe('card sizes at the limits of every field', () => {
  it('the intake form, all six persons and every field full, every field that can be full and wrong in error, stays under 24 KB', () => {
    const values: Record<string, string> = { personCount: String(maxPersons) };
    // A field filled to its length can still be wrong in its content (a date, a BSN) and a choice can be missing.
    const errors: Record<string, string> = { organisations: 'Kies alleen organisaties uit de lijst.', chains: 'Kies de betrokken ketens.', informed: 'Geef aan of de betrokkene is geïnformeerd over de aanmelding.', urgency: 'Kies de urgentie.' };
    for (let i = 1; i <= maxPersons; i++) {
      for (const key of ['name', 'birthDate', 'address', 'bsn', 'relation'] as const) values[`p${i}_${key}`] = full(L[key]);
      errors[`p${i}_bsn`] = 'Dit BSN klopt niet (elfproef). Controleer de cijfers of laat het veld leeg.';
      errors[`p${i}_birthDate`] = 'Geen geldige datum. Schrijf hem als dd-mm-jjjj, bijvoorbeeld 12-04-1990.';
    }
    for (const d of lifeDomains) values[`domain_${d}`] = full(L.domain);
    for (const k of ['criterionDomains', 'criterionChains', 'criterionFamily']) values[k] = full(L.criterion);
    Object.assign(values, { otherOrganisations: full(L.otherOrganisations), informedBy: full(L.informedBy), notInformedReason: full(L.notInformedReason) });
    const card = referralFormCard({ values, errors, partners, forExternal: true, question: full(1000) });
    expect(size(card)).toBeLessThan(teamsLimit);
  });

  it('the screening card of the fullest aanmelding stays under 24 KB', () => {
    const c: CaseRecord = {
      id: 'c', reference: 'ZVH-2026-0001', status: 'submitted', form: {}, chains: ['care', 'justice', 'administration'], updatedAt: new Date(),
      referrer: { memberId: 'm', aadObjectId: 'a', name: full(L.name), organisationId: 'o', organisationName: full(60) },
      external: { name: full(L.name), organisation: full(L.name), phone: full(L.phone), email: full(L.email) },
      responsibleOrganisation: { id: 'o', name: full(60) },
      urgency: 'high',
      lifeDomains: Object.fromEntries(lifeDomains.map((d) => [d, full(L.domain)])),
      criteria: { multipleDomains: full(L.criterion), chainsAndOrganisations: full(L.criterion), familyOrSafety: full(L.criterion) },
      informed: { informed: false, reason: full(L.notInformedReason) },
      persons: Array.from({ length: maxPersons }, (_, i) => ({ position: i + 1, name: full(L.name), birthDate: '1990-01-01', address: full(L.address), bsn: '111222333', relation: full(L.relation) })),
      organisations: partners.map((p) => ({ id: p.id, name: p.name })),
    };
    expect(size(screeningCard({ case: c, tables: [] }))).toBeLessThan(teamsLimit);
  });
});
