/** One or many: the two plural forms English and Spanish have (CLDR: "one" for n = 1, else "other"). */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
