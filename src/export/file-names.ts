/**
 * File names from the design's name, one scheme for Save, pictures and exports: letters, digits, dot, underscore
 * and hyphen, then an ending such as `.json`. A module of its own so the app's first screen need not load the
 * exporters.
 */
export function fileNameFor(designName: string, ending: string): string {
  const base = designName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${base || 'design'}${ending}`;
}
