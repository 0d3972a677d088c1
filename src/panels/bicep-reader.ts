/**
 * The tree-sitter-bicep parser in the browser, loaded the first time a Bicep import needs it (this module is only
 * reached through a dynamic import, so neither the runtime nor the grammar is in the initial bundle). Both WASM
 * binaries are inlined into this lazy chunk (as base64, by vite.config.ts) and handed to tree-sitter as bytes: nothing is fetched, so the app
 * keeps `connect-src 'none'` and works offline from the static build.
 */
import { Language, Parser } from 'web-tree-sitter';
import runtime from 'web-tree-sitter/web-tree-sitter.wasm?base64';
import grammar from 'tree-sitter-bicep/tree-sitter-bicep.wasm?base64';
import type { ImportResult } from '../io/import';
import { importBicep, importBicepFiles, type BicepImportOptions, type BicepParser } from '../io/import/bicep';

/** Decoded here: fetching even a data: URL would be a connection. */
export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let loading: Promise<BicepParser> | null = null;

async function load(): Promise<BicepParser> {
  await Parser.init({ wasmBinary: base64Bytes(runtime) });
  const parser = new Parser();
  parser.setLanguage(await Language.load(base64Bytes(grammar)));
  return parser as unknown as BicepParser;
}

/** The parser, loaded once; a failed load is retried on the next call. */
export function bicepParser(): Promise<BicepParser> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

export interface BicepReader {
  importBicep(text: string, opts?: BicepImportOptions): ImportResult;
  importBicepFiles(files: { name: string; text: string }[], opts?: BicepImportOptions): ImportResult;
}

/** The Bicep importer bound to the loaded parser (the importer's code is in this lazy chunk too). */
export async function bicepReader(): Promise<BicepReader> {
  const parser = await bicepParser();
  return {
    importBicep: (text, opts) => importBicep(text, parser, opts),
    importBicepFiles: (files, opts) => importBicepFiles(files, parser, opts),
  };
}
