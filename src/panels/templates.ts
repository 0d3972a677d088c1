/** The example designs (examples/*.json) offered as templates, bundled at build time: no request at runtime. */
const FILES = import.meta.glob('../../examples/*.json', { eager: true, import: 'default' });

export interface Template {
  /** File name without .json, e.g. "aks-baseline". */
  file: string;
  /** The design's own name (meta.name), or the file name. */
  name: string;
  doc: unknown;
}

export function listTemplates(files: Record<string, unknown>): Template[] {
  return Object.entries(files)
    .map(([path, doc]) => {
      const file = path
        .split('/')
        .pop()!
        .replace(/\.json$/, '');
      const meta = (doc as { meta?: { name?: unknown } } | null)?.meta;
      return { file, name: typeof meta?.name === 'string' && meta.name ? meta.name : file, doc };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

export const TEMPLATES: Template[] = listTemplates(FILES);
