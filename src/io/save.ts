/** Writing a design document: pretty JSON for files, and a fresh empty document for "New". */
import { emptyDesign } from '../core/index';
import { CURRENT_SCHEMA_VERSION, DOCUMENT_FORMAT, type DesignDocument } from './schema';

/** Pretty JSON (2-space indent, trailing newline), stable for diffs and version control. */
export function serializeDocument(doc: DesignDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** An empty design with nothing on the canvas. */
export function newDocument(name: string, location?: string): DesignDocument {
  return {
    format: DOCUMENT_FORMAT,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { name },
    design: emptyDesign(location),
    layout: { nodes: {} },
  };
}
