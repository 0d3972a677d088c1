/**
 * The import dialog's reading of its input: the text through the importer of its source; Bicep waits for its
 * lazily loaded reader and takes the parameters typed beside it (a deployment would give them).
 */
import { useMemo } from 'react';
import { detectSource, importText, type ImportResult, type ImportSource } from '../io/import';
import type { BicepSourceFile } from '../io/import/bicep-modules';
import { useBicepReader, type ParserState } from './use-bicep-reader';

export interface ParamsRead {
  params: Record<string, string>;
  /** One message per line that is not NAME=VALUE. */
  errors: string[];
}

/** `NAME=VALUE` per line (blank lines and `#` comments skipped), as `az deployment group create --parameters`. */
export function parseParams(text: string): ParamsRead {
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) errors.push(`line ${i + 1}: expected NAME=VALUE, got "${line.slice(0, 40)}"`);
    else params[m[1]!] = m[2]!;
  });
  return { params, errors };
}

const failed = (message: string): ImportResult => ({
  from: 'bicep',
  design: null,
  items: [{ status: 'ignored', at: 'input', what: 'Bicep', message }],
});

/** Bicep files opened with the text: the text's own name, and the others (its modules, or deployed with it). */
export interface OpenedFiles {
  name: string;
  others: BicepSourceFile[];
}

/** The import of the text (null while there is none, or while the Bicep reader loads). */
export function useImport(
  text: string,
  from: ImportSource | 'auto',
  paramsText: string,
  opened: OpenedFiles,
): { result: ImportResult | null; source: ImportSource | null; parser: ParserState } {
  const source = text.trim() ? (from === 'auto' ? detectSource(text) : from) : null;
  const parser = useBicepReader(source === 'bicep');
  const result = useMemo(() => {
    if (!source) return null;
    if (source !== 'bicep') return importText(text, source);
    if (parser.state === 'failed') return failed(`the Bicep reader did not load: ${parser.message}`);
    if (parser.state !== 'ready') return null;
    const opts = { params: parseParams(paramsText).params };
    if (!opened.others.length) return parser.reader.importBicep(text, opts);
    return parser.reader.importBicepFiles([{ name: opened.name, text }, ...opened.others], opts);
  }, [text, source, parser, paramsText, opened]);
  return { result, source, parser };
}
