/** Auto-layout of the whole drawing, containment kept (src/export/diagram/layout; elkjs is loaded on demand). */
import { layoutDesign } from '../export';
import { useDesignStore } from '../store';

export async function autoLayout(): Promise<void> {
  const { doc } = useDesignStore.getState();
  const next = await layoutDesign(doc.design, doc.layout.nodes);
  // The design may have changed while elk ran: apply only to the document it was computed from.
  if (useDesignStore.getState().doc.design !== doc.design) return;
  useDesignStore.getState().setLayout(next);
}
