import type { LiveCaseFact } from './case-facts.ts';
import type { CountSystem, DisclosureMode, Shown } from './disclosure.ts';
import type { Period } from './periods.ts';

/**
 * The kengetallen (docs/domain.md#figures), counted from anonymous facts only: those kept of deleted cases and the same facts
 * built from live cases. So a period's figures stay what they were when its cases are deleted a year later.
 * Every count is a cell of one system, with the equations between them, for disclosure control.
 */
export interface FiguresInput {
  /** Facts of deleted cases (daysSinceAcceptance null) and of live ones. */
  facts: readonly FigureFact[];
  /** Months of the meetings held, per table: meetings are no persons, so these are shown as they are. */
  heldSessions: readonly { month: string; tableId: string }[];
  /** Aanmeldingen per intake month, for the trend over earlier periods. */
  intakesByMonth: ReadonlyMap<string, number>;
  period: Period;
  /** How many periods the trend shows up to this one, this one included. */
  trendLength: number;
  /**
   * The quarter that is running now: the trend goes on to it (or to the running year), past the period shown, and
   * marks it as running. Without it the trend ends at the period shown.
   */
  running?: Period;
  informWithinDays: number;
  /**
   * Recoding (the ledger's, over every period at once): the partners and leefgebieden that keep a row of their own;
   * every other one counts in the row "other" (Overige organisaties, Overige leefgebieden), the same set in every
   * period. Without it every key seen in the two periods has its own row.
   */
  rows?: RowKeys;
}

/** The keys that keep a row of their own, and `otherRow` last if any other key folds into it. */
export interface RowKeys {
  referrers: readonly string[];
  lifeDomains: readonly string[];
  attending: readonly string[];
}

/** The row key of what was folded together: small partners or leefgebieden. */
export const otherRow = 'other';

export type FigureFact = Omit<LiveCaseFact, 'daysSinceAcceptance'> & { daysSinceAcceptance?: number | null };

export const screeningCategories = ['accepted', 'rejected', 'info', 'open'] as const;
export type ScreeningCategory = (typeof screeningCategories)[number];

export type SectionKey =
  | 'intake'
  | 'lifeDomains'
  | 'repeats'
  | 'screening'
  | 'throughput'
  | 'stock'
  | 'shadowList'
  | 'outcomes'
  | 'actions'
  | 'informed'
  | 'attendance'
  | 'evaluations'
  | 'deletion';

/** One line of a table: the cell of the previous period and of this one. */
export interface FigureRow {
  /** What the line counts: an organisation id, a leefgebied, an outcome, or a fixed key such as "total". */
  key: string;
  previous: string;
  current: string;
  /** A total line (bold in the card). */
  total?: boolean;
}

export type StatKey =
  | 'repeatShare'
  | 'normWithin'
  | 'screeningDays'
  | 'daysToFirstDiscussion'
  | 'daysToClosure'
  | 'actionsOnTime'
  | 'informedInTime'
  | 'deletedOnTime'
  | 'cooperation'
  | 'attendance';

export interface PercentageSpec {
  part: string;
  parts: string[];
  base: string;
}

export type FigureStat =
  | { key: StatKey; kind: 'percentage'; subject?: string; previous: PercentageSpec; current: PercentageSpec }
  | { key: StatKey; kind: 'median' | 'mean'; previous: number[]; current: number[] };

export interface FigureSection {
  key: SectionKey;
  rows: FigureRow[];
  stats: FigureStat[];
}

export interface ComputedFigures {
  period: Period;
  previous: Period;
  system: CountSystem;
  sections: FigureSection[];
  sessionsHeld: {
    previous: number;
    current: number;
    perTable: { tableId: string; previous: number; current: number }[];
  };
  /**
   * The aanmeldingen of the trend's periods, oldest first, up to the running one: the cell holding each (this and the
   * previous period share theirs with the table); `running` for the period that is not over yet.
   */
  trend: { period: Period; cell: string; running?: true }[];
}

/** A statistic as a reader gets it: a number, or why not (too few, or a part hidden). */
export type StatValue = { value: number } | { withheld: 'base' | 'hidden' };

export interface DisclosedFigures extends ComputedFigures {
  mode: DisclosureMode;
  shown: Record<string, Shown>;
  /** Per section, per stat: the previous and current value. */
  stats: Record<
    SectionKey,
    { key: StatKey; kind: FigureStat['kind']; subject?: string; previous: StatValue; current: StatValue }[]
  >;
}
