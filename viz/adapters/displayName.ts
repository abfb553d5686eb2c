/** A name as a figure shows it when the model gives no label: "flue_gas" -> "Flue gas". */
export function displayName(name: string): string {
  const spaced = name.replace(/[_]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
