/** The store: the document and view slices, undo/redo, the derived plan and persistence. */
export {
  useDesignStore,
  undo,
  redo,
  type DesignState,
  type Highlight,
  type Banner,
  type BannerAction,
  type LineMode,
  type WhatIf,
} from './design-store';
export { usePlan, planOf, useCapacity, capacityOf } from './plan';
export {
  previewOf,
  usePreview,
  applyWhatIf,
  applyPreflightFix,
  useShownPlan,
  useShownCapacity,
  type Preview,
} from './whatif';
export { applyVnetAllocation, addSpoke, SPOKE_PREFIX } from './allocate';
export { flowMatrixOf, useFlowMatrix } from './flow-matrix';
export { findElement, removeElement, FLAT_LISTS, type ElementKind, type Found } from './find';
export { useSelectedElement } from './selected';
export { downloadBlob, downloadText } from './download';
export { restoreSaved, startAutosave, flush, browserEnv, type PersistEnv } from './persist';
export { addVnet, addSubnet, addCluster, addPool, addPeering, freeVnetSpace } from './factory';
export { addResource, type ResourceKind, type DropTarget, type AddResult } from './factory-resources';
export { isAddKind, type AddKind } from './add';
export { newId, idSource, freeName, type NewId } from './ids';
export type { DocRecipe } from './doc-slice';
export { replaceDesign, undoBanner, requestFit, onFitRequest } from './replace';
export { joinLastStep } from './history';
export { deleteElements, describeDelete, elementsOf } from './delete';
export {
  useLessonStore,
  openLesson,
  goToStep,
  nextStep,
  previousStep,
  resetStep,
  checkStep,
  showHint,
  setPresenting,
  leaveLesson,
  userDocument,
  currentGrade,
  type LessonRun,
  type LessonSource,
  type LessonState,
} from './lesson';
export { useWalkStore, useCurrentWalk, type WalkView } from './walk';
