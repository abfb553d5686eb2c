/** A flow's id and the label its model gives it, if any: a model definition's flows will do. */
export interface FlowLook {
  readonly id: string;
  readonly label?: string | undefined;
}

/**
 * A name as a figure shows it when the model gives no label: underscores become spaces and the
 * first letter a capital ("flue_gas" -> "Flue gas"). In an id written all in lower case, a word
 * of two or more letters with no vowel (msw, pvc, ch4) or with nothing but vowels (eee) is an
 * acronym and is written in capitals ("msw_generated" -> "MSW generated", "eee_stock" ->
 * "EEE stock"); an id with capitals of its own keeps them as written.
 */
export function displayName(name: string): string {
  const spaced = name.replace(/_+/g, ' ').trim();
  const cased = /[A-Z]/.test(spaced) ? spaced : spaced.replace(/[a-z0-9]+/g, (word) => (isAcronym(word) ? word.toUpperCase() : word));
  return cased.charAt(0).toUpperCase() + cased.slice(1);
}

function isAcronym(word: string): boolean {
  const letters = word.replace(/[0-9]/g, '');
  return letters.length >= 2 && (!/[aeiouy]/.test(letters) || /^[aeiou]+$/.test(letters));
}

/** How figures name the flows (or indicators) of a model: its label where it gives one, otherwise a name made from the id. */
export function flowNamer(flows: readonly FlowLook[] = []): (id: string) => string {
  const labels = new Map(flows.flatMap((flow) => (flow.label === undefined ? [] : [[flow.id, flow.label] as const])));
  return (id) => labels.get(id) ?? displayName(id);
}
