/** Ascending years written as ranges: [2021, 2022, 2023, 2030] -> "2021–2023, 2030". */
export function yearRanges(years: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < years.length; i++) {
    const start = years[i];
    while (i + 1 < years.length && years[i + 1] === years[i] + 1) i++;
    parts.push(years[i] === start ? String(start) : `${start}–${years[i]}`);
  }
  return parts.join(', ');
}
