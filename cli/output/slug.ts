/** A folder name from a model name: "Singapore solid waste" -> "singapore-solid-waste". */
export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'model';
}
