import { useDesignStore } from './design-store';
import { findElement, type Found } from './find';

/** The selected element (the first of a multi-selection), looked up in the current design. */
export function useSelectedElement(): Found | null {
  const design = useDesignStore((s) => s.doc.design);
  const id = useDesignStore((s) => s.selection[0]);
  return id ? findElement(design, id) : null;
}
