/**
 * Where a Bicep module's template comes from. A local path is read relative to the file that uses it, through a
 * reader the caller gives (the command line reads files under a root folder; the app looks among the files
 * opened together). Registry modules (`br:`, `br/alias:`) and template specs (`ts:`) are never fetched, and an
 * absolute path is not followed. https://learn.microsoft.com/azure/azure-resource-manager/bicep/modules
 */

export type ModulePath = { kind: 'local'; path: string } | { kind: 'ignored'; why: string };

export function classifyModulePath(p: string): ModulePath {
  if (/^br[:/]/i.test(p))
    return { kind: 'ignored', why: `${p} is a registry module: it is not fetched, so its resources are not imported` };
  if (/^ts[:/]/i.test(p))
    return { kind: 'ignored', why: `${p} is a template spec: it is not fetched, so its resources are not imported` };
  if (/^([/\\]|[A-Za-z]:)/.test(p) || p.includes('\0'))
    return { kind: 'ignored', why: `${p} is an absolute path: modules are read relative to the file that uses them` };
  if (!/\.bicep$/i.test(p))
    return { kind: 'ignored', why: `${p} is not a .bicep file: only Bicep modules are followed` };
  return { kind: 'local', path: p };
}

/** The path of a module file from the root: `path` joined onto the folder of `from`; null when it climbs above. */
export function joinModulePath(from: string, path: string): string | null {
  const parts = from.split('/').slice(0, -1);
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg !== '..') parts.push(seg);
    else if (!parts.length) return null;
    else parts.pop();
  }
  return parts.join('/');
}

export interface BicepSourceFile {
  /** The path from the root folder, with `/` ("network/spoke.bicep"); the entry file's own name at the top. */
  name: string;
  text: string;
}

/** A module's file, or why it cannot be read. */
export type ModuleRead = BicepSourceFile | { missing: string };

/** Reads the module `path` used by the file `from`. Never throws. */
export type ModuleReader = (from: string, path: string) => ModuleRead;

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1).toLowerCase();

/**
 * Modules looked up among files given together (the app opens files, not folders): by their path from the root
 * when it matches, else by file name when exactly one file has it.
 */
export function moduleReaderOf(files: BicepSourceFile[]): ModuleReader {
  return (from, path) => {
    const want = joinModulePath(from, path);
    if (want === null) return { missing: `${path} climbs above the folder of the files given` };
    const exact = files.find((f) => f.name === want);
    if (exact) return exact;
    const same = files.filter((f) => base(f.name) === base(want));
    if (same.length === 1) return same[0]!;
    if (same.length > 1) return { missing: `${path}: ${same.length} of the files given are named ${base(want)}` };
    return { missing: `${path} is not among the files given: open it together with ${from || 'this file'}` };
  };
}
