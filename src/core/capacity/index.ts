/** Capacity of a design: headroom of every pool and subnet, and AKS's address preflight of every cluster. */
import type { Design } from '../model';
import type { Plan } from '../plan-types';
import { computeHeadroom, type Headroom } from './headroom';
import { computePreflight, type ClusterPreflight } from './preflight';

export interface Capacity {
  headroom: Headroom;
  preflight: ClusterPreflight[];
}

export function computeCapacity(design: Design, plan: Omit<Plan, 'findings'>): Capacity {
  return { headroom: computeHeadroom(design, plan), preflight: computePreflight(design, plan) };
}
