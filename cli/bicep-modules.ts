/**
 * Bicep modules for `aksnet import`: a local module is read relative to the file that uses it, and only inside
 * the root folder (the imported file's, or --module-root): no absolute path, no climbing above the root, no
 * symbolic link that leads outside it, no file over the importers' size cap. Nothing else is read.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { MAX_SCRIPT_CHARS } from '../src/io/import/index';
import { joinModulePath, type ModuleReader } from '../src/io/import/bicep-modules';

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/** The entry file's name from the root, and the reader of its modules; null with why when the root does not hold it. */
export function fileModules(
  file: string,
  moduleRoot?: string,
): { name: string; read: ModuleReader } | { error: string } {
  let root: string;
  let entry: string;
  try {
    root = realpathSync(resolve(moduleRoot ?? dirname(file)));
    entry = realpathSync(resolve(file));
  } catch (e) {
    return { error: `cannot read the module root: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!inside(root, entry)) return { error: `${file} is not inside the module root ${moduleRoot ?? root}` };
  const name = relative(root, entry).split(sep).join('/');
  const read: ModuleReader = (from, path) => {
    const want = joinModulePath(from, path);
    if (want === null) return { missing: `${path} is outside the module root (--module-root widens it)` };
    try {
      const real = realpathSync(resolve(root, ...want.split('/')));
      if (!inside(root, real)) return { missing: `${path} leads outside the module root` };
      const info = statSync(real);
      if (!info.isFile()) return { missing: `${path} is not a regular file` };
      if (info.size > MAX_SCRIPT_CHARS * 4) return { missing: `${path} is too large: ${info.size} bytes` };
      return { name: want, text: readFileSync(real, 'utf8') };
    } catch (e) {
      const code = (e as { code?: string }).code;
      return { missing: `${path} cannot be read: ${code === 'ENOENT' ? 'no such file' : String(e)}` };
    }
  };
  return { name, read };
}
