/**
 * A cluster's allowed-flow matrix, derived from the design: computed once per cluster state, and after a policy
 * edit only the rows and columns of the pods the edit can change are re-evaluated (core's updateMatrix).
 */
import {
  computeMatrix,
  designExternals,
  policyWorldOf,
  updateMatrix,
  type Design,
  type FlowMatrix,
  type Id,
  type PolicyWorld,
} from '../core/index';
import { useDesignStore } from './design-store';

interface Memo {
  design: Design;
  world: PolicyWorld;
  externalsKey: string;
  matrix: FlowMatrix;
}

const memos = new Map<Id, Memo>();

export function flowMatrixOf(design: Design, clusterId: Id): FlowMatrix | null {
  const cluster = design.clusters.find((c) => c.id === clusterId);
  if (!cluster) return null;
  const prev = memos.get(clusterId);
  if (prev?.design === design) return prev.matrix;
  const world = policyWorldOf(cluster);
  const externals = designExternals(design, cluster);
  const externalsKey = JSON.stringify(externals);
  let matrix: FlowMatrix;
  if (prev && prev.externalsKey === externalsKey)
    matrix = prev.world === world ? prev.matrix : updateMatrix(prev.matrix, prev.world, world);
  else matrix = computeMatrix(world, externals);
  memos.set(clusterId, { design, world, externalsKey, matrix });
  return matrix;
}

export function useFlowMatrix(clusterId: Id | null): FlowMatrix | null {
  const design = useDesignStore((s) => s.doc.design);
  return clusterId ? flowMatrixOf(design, clusterId) : null;
}
