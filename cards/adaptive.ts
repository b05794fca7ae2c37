/** Minimal Adaptive Card 1.5 building blocks. Cards are plain JSON built by pure functions. */
export type Element = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  /** 1.5; a card that unfurls a link is 1.3, the newest version link unfurling renders. */
  version: '1.3' | '1.5';
  body: Element[];
  actions?: Element[];
  refresh?: Element;
  msteams?: Record<string, unknown>;
}

export function card(body: Element[], actions: Element[] = [], extra: Partial<AdaptiveCard> = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
    ...extra,
  };
}

export const heading = (text: string): Element => ({
  type: 'TextBlock',
  text,
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});
export const subheading = (text: string): Element => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  wrap: true,
  spacing: 'Medium',
});
export const paragraph = (
  text: string,
  options: { subtle?: boolean; color?: 'Attention' | 'Warning' | 'Accent' } = {},
): Element => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...(options.subtle ? { isSubtle: true } : {}),
  ...(options.color ? { color: options.color } : {}),
});
export const facts = (rows: [string, string][]): Element => ({
  type: 'FactSet',
  facts: rows.map(([title, value]) => ({ title, value })),
});

export function execute(
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  options: { style?: 'positive' | 'destructive'; associatedInputs?: 'auto' | 'none' } = {},
): Element {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: { verb, ...data },
    ...(options.style ? { style: options.style } : {}),
    ...(options.associatedInputs ? { associatedInputs: options.associatedInputs } : {}),
  };
}

/** A form that unfolds under its button: no round trip to open it. */
export const showCard = (title: string, body: Element[], action: Element): Element => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', version: '1.5', body, actions: [action] },
});

/** A button that shows or hides parts of the card on the spot (targets given as true/false are shown/hidden). */
export const toggle = (title: string, targets: (string | { elementId: string; isVisible: boolean })[]): Element => ({
  type: 'Action.ToggleVisibility',
  title,
  targetElements: targets,
});

/** Long free text shortened for a card (the whole text stays in the record). */
export const clip = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max)}…` : text);
