/** The store: the design document, view state, undo/redo, the derived plan and persistence. */
export {
  useDesignStore,
  undo,
  redo,
  type DesignState,
  type Highlight,
  type Banner,
  type LineMode,
} from './design-store';
export { usePlan, planOf } from './plan';
export { findElement, removeElement, FLAT_LISTS, type ElementKind, type Found } from './find';
export { useSelectedElement } from './selected';
export { restoreSaved, startAutosave, STORAGE_KEY } from './persist';
export { addVnet, addSubnet, addCluster, addPool, addPeering, newId, freeVnetSpace } from './factory';
export { addResource, type ResourceKind, type DropTarget } from './factory-resources';
