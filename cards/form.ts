import type { Element } from './adaptive.ts';

/** Field errors keyed by input id, in Dutch, shown under the field they belong to. */
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | undefined>;

/** The text an Action.Execute sent back (inputs and action data together), blanks left out. */
export function formValuesOf(data: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(data))
    if (typeof value === 'string' && value.trim() !== '') values[key] = value;
  return values;
}

function withError(input: Element, id: string, errors: FieldErrors): Element[] {
  const error = errors[id];
  return error
    ? [input, { type: 'TextBlock', text: error, color: 'Attention', wrap: true, spacing: 'None', size: 'Small' }]
    : [input];
}

export function textField(
  id: string,
  label: string,
  values: FormValues,
  errors: FieldErrors,
  options: {
    required?: boolean;
    multiline?: boolean;
    placeholder?: string;
    maxLength?: number;
    style?: 'email' | 'tel';
    /** False when a line beside the field already says what is needed ("vul er minstens één in"). */
    markOptional?: boolean;
    /** Hidden until a button (Action.ToggleVisibility) opens it; its text is sent all the same. */
    folded?: boolean;
  } = {},
): Element[] {
  return withError(
    {
      type: 'Input.Text',
      id,
      label: options.required || options.markOptional === false ? label : `${label} (optioneel)`,
      ...(values[id] ? { value: values[id] } : {}),
      ...(options.multiline ? { isMultiline: true } : {}),
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(options.maxLength ? { maxLength: options.maxLength } : {}),
      ...(options.style ? { style: options.style } : {}),
      ...(options.folded ? { isVisible: false } : {}),
    },
    id,
    errors,
  );
}

export function choiceField(
  id: string,
  label: string,
  choices: { title: string; value: string }[],
  values: FormValues,
  errors: FieldErrors,
  options: { multi?: boolean; expanded?: boolean; required?: boolean; placeholder?: string } = {},
): Element[] {
  return withError(
    {
      type: 'Input.ChoiceSet',
      id,
      label: options.required === false ? `${label} (optioneel)` : label,
      choices,
      value: values[id] ?? '',
      isMultiSelect: options.multi ?? false,
      style: options.expanded ? 'expanded' : 'compact',
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    },
    id,
    errors,
  );
}

export function formErrorSummary(errors: FieldErrors): Element[] {
  const count = Object.keys(errors).length;
  if (!count) return [];
  return [
    {
      type: 'TextBlock',
      text:
        count === 1
          ? 'Eén veld is niet goed ingevuld. Zie de melding bij het veld.'
          : `${count} velden zijn niet goed ingevuld. Zie de meldingen bij de velden.`,
      color: 'Attention',
      weight: 'Bolder',
      wrap: true,
    },
  ];
}

/** The labels of a card's inputs, by id, found wherever they sit (in containers, columns, show cards). */
export function inputLabels(elements: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const e = node as Record<string, unknown>;
    if (typeof e.type === 'string' && e.type.startsWith('Input.') && typeof e.id === 'string')
      labels[e.id] = (typeof e.label === 'string' ? e.label : e.id).replace(/ \(optioneel\)$/, '');
    Object.values(e).forEach(walk);
  };
  walk(elements);
  return labels;
}

/** Enough names to find the way; a long list would push the button away. */
const maxNamed = 5;

/**
 * The summary beside the submit button: which fields still need work, by name, so nobody scrolls up to find out.
 * `names` gives a field that has no input of its own (a choice made with buttons), or a clearer name for one.
 */
export function fieldErrorList(body: Element[], errors: FieldErrors, names: Record<string, string> = {}): Element[] {
  const ids = Object.keys(errors);
  if (!ids.length) return [];
  const labels = { ...inputLabels(body), ...names };
  const named = [...new Set(ids.map((id) => labels[id] ?? id))];
  const shown = named.slice(0, maxNamed).join('; ');
  const more = named.length > maxNamed ? ` en ${named.length - maxNamed} andere` : '';
  return [
    {
      type: 'TextBlock',
      text: `Nog niet goed ingevuld: ${shown}${more}. Zie de melding bij ${ids.length === 1 ? 'het veld' : 'elk veld'}.`,
      color: 'Attention',
      weight: 'Bolder',
      wrap: true,
      spacing: 'Large',
    },
  ];
}
