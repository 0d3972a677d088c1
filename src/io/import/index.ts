/**
 * One entry for every import: `importText(text, from?)` picks the importer (or detects the source) and returns the
 * design with its report. Importers are pure and never throw; a failure inside one still gives a report.
 */
import { importArm } from './arm';
import { importAzJson } from './azjson';
import { importAzScript } from './az-script';
import { IMPORT_SOURCES, unreadable, type ImportResult, type ImportSource } from './report';

export * from './report';
export { importAzScript } from './az-script';
export { MAX_SCRIPT_CHARS } from './az-lex';
export { importArm } from './arm';
export { importAzJson } from './azjson';
// Bicep needs the tree-sitter-bicep parser, loaded by the caller (WASM): importBicep(text, parser) from './bicep'.
// Not re-exported here, so the app's initial bundle (which uses this file) leaves the Bicep reader to its lazy chunk.
export type { BicepParser } from './bicep';

type Importer = (text: string) => ImportResult;

/** Importers by source; a source without one yet answers with a report saying so. */
const IMPORTERS: Partial<Record<ImportSource, Importer>> = {
  az: importAzScript,
  arm: (text) => importArm(text),
  azjson: (text) => importAzJson(text),
};

const LABELS: Record<ImportSource, string> = {
  az: 'az CLI script',
  bicep: 'Bicep',
  arm: 'ARM template',
  azjson: 'az JSON output',
};

function jsonShape(text: string): ImportSource {
  const head = text.slice(0, 4000);
  if (/"\$schema"\s*:\s*"[^"]*deploymentTemplate/i.test(head)) return 'arm';
  if (/"resources"\s*:\s*\[/.test(head) && /"\$schema"/.test(head)) return 'arm';
  if (/"type"\s*:\s*"Microsoft\.[A-Za-z]+\//i.test(text.slice(0, 200_000))) return 'azjson';
  if (/"(agentPoolProfiles|addressSpace|networkProfile|securityRules|routes|subnets)"\s*:/.test(head)) return 'azjson';
  return 'azjson';
}

/** The source a text most likely is: a script starts with az, #! or variables; JSON is ARM or az output. */
export function detectSource(text: string): ImportSource {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return jsonShape(trimmed);
  const first = body
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && (!l.startsWith('#') || l.startsWith('#!')));
  if (first === undefined) return trimmed.startsWith('#!') ? 'az' : 'bicep';
  if (first.startsWith('#!') || /^(az|export|set|if|for|readonly|declare|local)\s/.test(first)) return 'az';
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) return 'az';
  if (/\baz\s+(network|aks|group)\s/.test(body) && !/^\s*(resource|param|var|module|targetScope)\s/m.test(body))
    return 'az';
  return 'bicep';
}

/** Imports a text from the given source, or from the detected one. Never throws. */
export function importText(text: string, from?: ImportSource): ImportResult {
  const source = from ?? detectSource(text);
  const importer = IMPORTERS[source];
  if (!importer) return unreadable(source, LABELS[source], `no importer for ${LABELS[source]} yet`, 'input');
  try {
    return importer(text);
  } catch (e) {
    // Importers are written not to throw; this keeps a bug in one from losing the report.
    const message = e instanceof Error ? e.message : String(e);
    return unreadable(source, LABELS[source], message, 'input');
  }
}

export { IMPORT_SOURCES };
