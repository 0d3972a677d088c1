import { useDeferredValue } from 'react';
import { useDesignStore } from './design-store';
import { findElement, type Found } from './find';

/**
 * The selected element (the first of a multi-selection), looked up in the current design. The panels follow a
 * new selection in a deferred render, so a click that starts a drag moves the node first.
 */
export function useSelectedElement(): Found | null {
  const design = useDesignStore((s) => s.doc.design);
  const id = useDeferredValue(useDesignStore((s) => s.selection[0]));
  return id ? findElement(design, id) : null;
}
