import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { printable, wrap } from './pdf.ts';
import type { InzageDocument } from '../src/privacy/inzage.ts';
import {
  formatBirthDate,
  formatDate,
  formatTime,
  formatIsoDate,
  lifeDomainLabels,
  regieKindLabels,
  statusLabels,
} from './labels.ts';
import { actionLabel, systemActor } from './logbook.card.ts';
import type { LifeDomain } from '../src/referrals/referral.types.ts';
import { personWithOrganisation } from '../src/organisations/person-label.ts';

const page = { width: 595.28, height: 841.89, margin: 50 };

/** A simple writer: lines of wrapped text, new pages as they fill. */
class Writer {
  /** Every text as written, before it is wrapped into lines: what the document says. */
  readonly written: string[] = [];
  private current: PDFPage;
  private y: number;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.current = pdf.addPage([page.width, page.height]);
    this.y = page.height - page.margin;
  }

  text(text: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}): void {
    this.written.push(text);
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.regular;
    const left = page.margin + (options.indent ?? 0);
    const width = page.width - page.margin - left;
    this.y -= options.gap ?? 0;
    for (const line of wrap(printable(text), font, size, width)) {
      if (this.y - size < page.margin) {
        this.current = this.pdf.addPage([page.width, page.height]);
        this.y = page.height - page.margin;
      }
      this.y -= size * 1.35;
      this.current.drawText(line, { x: left, y: this.y, size, font });
    }
  }
}

/** The inzage document (PDF): per case the person's own record, the data, who contributed what, the decisions, and who saw it. */
/** An action's state in the document's words. */
const actionStateWords = { open: 'open', claimed: 'opgepakt', done: 'gedaan', cancelled: 'vervallen' } as const;

/** The document, with every time in `timeZone` (the network's, FIGURES_TIME_ZONE). */
export async function inzagePdf(doc: InzageDocument, timeZone: string): Promise<Uint8Array> {
  return (await inzageDocument(doc, timeZone)).pdf;
}

/** The document as PDF, and the texts it holds (what a reader reads; for tests). */
export async function inzageDocument(
  doc: InzageDocument,
  timeZone: string,
): Promise<{ pdf: Uint8Array; text: string[] }> {
  // pdf-lib (some 10 MB once loaded) comes in only when a document is made.
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle('Inzage persoonsgegevens');
  pdf.setProducer('Casusbot');
  const w = new Writer(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  w.text('Inzage: wat het Zorg- en Veiligheidshuis over u heeft vastgelegd', { size: 15, bold: true });
  w.text(
    `Opgesteld op ${formatDate(doc.producedAt, timeZone)} door ${personWithOrganisation(doc.producedBy.name, doc.producedBy.organisationName)}, gezocht op ${doc.search === 'bsn' ? 'BSN' : 'naam en geboortedatum'}.`,
    { gap: 6 },
  );
  if (!doc.cases.length) {
    w.text('Over deze persoon zijn geen gegevens vastgelegd.', { bold: true, gap: 14 });
    return { pdf: await pdf.save(), text: w.written };
  }
  w.text(`Deze persoon komt voor in ${doc.cases.length === 1 ? 'één casus' : `${doc.cases.length} casussen`}.`, {
    gap: 4,
  });
  for (const { person, case: c, logbook } of doc.cases) {
    w.text(`Casus ${c.reference}`, { size: 13, bold: true, gap: 16 });
    w.text(
      `Stand: ${statusLabels[c.status as keyof typeof statusLabels] ?? c.status}${c.tableName ? ` · tafel ${c.tableName}` : ''}${c.submittedAt ? ` · aangemeld ${formatDate(c.submittedAt, timeZone)}` : ''}${c.closedAt ? ` · afgesloten ${formatDate(c.closedAt, timeZone)}` : ''}`,
    );
    w.text(
      `Aangemeld door: ${c.externalReferrer ? `${personWithOrganisation(c.externalReferrer.name, c.externalReferrer.organisation)}, via het Zorg- en Veiligheidshuis` : c.referrerOrganisation}${c.responsibleOrganisation ? ` · op gezag van ${c.responsibleOrganisation}` : ''} · betrokken: ${c.involved.join(', ') || 'geen'}`,
    );
    w.text('Uw gegevens', { bold: true, gap: 6 });
    w.text(
      `${person.name}, geboren ${formatBirthDate(person.birthDate)}, ${person.address}${person.bsn ? `, BSN ${person.bsn}` : ''}${person.relation ? ` (${person.relation})` : ''}`,
      { indent: 10 },
    );
    const domains = Object.entries(c.lifeDomains);
    if (domains.length) {
      w.text('Zorgen per leefgebied (uit de aanmelding)', { bold: true, gap: 6 });
      for (const [domain, text] of domains)
        w.text(`${lifeDomainLabels[domain as LifeDomain] ?? domain}: ${text}`, { indent: 10 });
    }
    if (c.contributions.length) {
      w.text('Wat organisaties hebben ingebracht (beeldvorming)', { bold: true, gap: 6 });
      for (const x of c.contributions)
        w.text(`${formatDate(x.at, timeZone)} · ${x.organisation}${x.sensitive ? ' (gevoelig)' : ''}: ${x.text}`, {
          indent: 10,
        });
    }
    if (c.interventions.length) {
      w.text('Mogelijke interventies (oordelen)', { bold: true, gap: 6 });
      for (const x of c.interventions) w.text(`${x.organisation}: ${x.text}`, { indent: 10 });
    }
    if (c.decisions.length) {
      w.text('Besluiten', { bold: true, gap: 6 });
      for (const x of c.decisions)
        w.text(`${formatDate(x.at, timeZone)} · doel: ${x.goal} · plan: ${x.plan}`, { indent: 10 });
    }
    if (c.actions.length) {
      w.text('Afgesproken acties', { bold: true, gap: 6 });
      for (const x of c.actions)
        w.text(
          `${x.organisation}: ${x.text} (uiterlijk ${formatIsoDate(x.dueDate)}, ${actionStateWords[x.state as keyof typeof actionStateWords] ?? x.state})${x.result ? ` · resultaat: ${x.result}` : ''}`,
          { indent: 10 },
        );
    }
    if (c.regie.length) {
      w.text('Voortgang', { bold: true, gap: 6 });
      for (const x of c.regie)
        w.text(
          `${formatDate(x.at, timeZone)} · ${regieKindLabels[x.kind as keyof typeof regieKindLabels] ?? x.kind}${x.organisation ? ` · ${x.organisation}` : ''}${x.text ? `: ${x.text}` : ''}`,
          { indent: 10 },
        );
    }
    w.text('Wie deze gegevens heeft gezien of gewijzigd (logboek)', { bold: true, gap: 6 });
    for (const e of logbook) {
      w.text(
        `${formatDate(e.at, timeZone)} ${formatTime(e.at, timeZone)} · ${actionLabel(e.action)} · ${e.actor ? personWithOrganisation(e.actor.name, e.actor.organisationName) : systemActor} · ${e.activity}`,
        { indent: 10, size: 9 },
      );
    }
  }
  return { pdf: await pdf.save(), text: w.written };
}
