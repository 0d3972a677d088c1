/**
 * A migration of one cluster's network model, as data: the preconditions with their Learn pages, the design the
 * cluster ends in, the commands in order and the addresses the cluster takes before and after.
 */
import type { Design, Id } from '../model';
import type { NetworkModel } from '../plan-types';

/** `overlay`: the IPAM mode to Azure CNI Overlay. `cilium`: the dataplane to Azure CNI powered by Cilium. */
export type MigrationTarget = 'overlay' | 'cilium';
export const MIGRATION_TARGETS: readonly MigrationTarget[] = ['overlay', 'cilium'];

/** One `az aks update` operation; kubenet to Cilium takes two (IPAM first, then the dataplane). */
export type MigrationStage = 'overlay' | 'cilium';

/** blocker: AKS refuses or the migrated design would be broken. warning: act on it. info: know it. */
export type CheckSeverity = 'blocker' | 'warning' | 'info';

export interface MigrationCheck {
  /** Stable kebab-case id of the precondition, e.g. migrate-overlay-source. */
  id: string;
  severity: CheckSeverity;
  stage: MigrationStage;
  /** The design element it is about (the cluster, a pool, a subnet, an application gateway). */
  subjectId: Id;
  message: string;
  learnUrl: string;
}

export interface MigrationCommand {
  stage: MigrationStage;
  /** The command after `az`, one token per element; `$RESOURCE_GROUP` stands for the resource group. */
  argv: string[];
  /** The command as a shell line. */
  text: string;
  why: string;
}

/** Addresses a cluster takes from one subnet, before and after. */
export interface SubnetUse {
  subnetId: Id;
  name: string;
  cidr: string | null;
  /** Addresses left after Azure's 5 reserved ones. */
  usable: number;
  usedBefore: number;
  usedAfter: number;
  freeBefore: number;
  freeAfter: number;
}

/** The cluster's own numbers on one side of the migration. */
export interface ClusterUse {
  model: NetworkModel;
  /** Nodes at autoscaler maximum plus surge. */
  peakNodes: number;
  /** VNet addresses for nodes and pods (node IPs plus pod IPs of every pool). */
  vnetAddresses: number;
  podCidr?: string;
  /** Nodes the pod CIDR holds at one /24 each (kubenet and Overlay). */
  podCidrCapacityNodes?: number;
  /** Routes in kubenet's route table; absent once pods no longer need it. */
  kubenetRoutes?: number;
}

export interface MigrationPlan {
  clusterId: Id;
  clusterName: string;
  target: MigrationTarget;
  stages: MigrationStage[];
  /** No blocker: the commands can run. */
  possible: boolean;
  checks: MigrationCheck[];
  commands: MigrationCommand[];
  /** What the migrated design changes, one line each. */
  changes: string[];
  before: ClusterUse;
  after: ClusterUse;
  subnets: SubnetUse[];
  /** The design after the migration (the input design when nothing changes). */
  design: Design;
}

export interface MigrationOptions {
  /** The pod CIDR to use; chosen free when absent (kubenet keeps its own when it overlaps nothing). */
  podCidr?: string;
}
