/** Grouped thousands (1,015), the same in every locale. One formatter: toLocaleString builds one per call. */
const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT.format(n);
}
