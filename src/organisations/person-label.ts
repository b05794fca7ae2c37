/**
 * A person with their organisation, as a person reads it: "Ingrid Martina (Jeugdzorg CN)". An organisation whose name
 * has parentheses of its own ("Zorg- en Veiligheidshuis (procesmanagement)") is not wrapped in a second pair: its
 * own parenthesis becomes a comma, "Ingrid Martina (Zorg- en Veiligheidshuis, procesmanagement)".
 */
export function personWithOrganisation(name: string, organisation: string): string {
  return `${name} (${withoutParentheses(organisation)})`;
}

/** "A (b)" becomes "A, b"; text without parentheses stays as it is. */
export function withoutParentheses(text: string): string {
  return text
    .replace(/\s*\(\s*/g, ', ')
    .replace(/\s*\)\s*/g, ' ')
    .replace(/,\s*,/g, ',')
    .trim();
}
