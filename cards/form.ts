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
  } = {},
): Element[] {
  return withError(
    {
      type: 'Input.Text',
      id,
      label: options.required ? label : `${label} (optioneel)`,
      ...(values[id] ? { value: values[id] } : {}),
      ...(options.multiline ? { isMultiline: true } : {}),
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(options.maxLength ? { maxLength: options.maxLength } : {}),
      ...(options.style ? { style: options.style } : {}),
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
