/**
 * The difference between two designs (typically the imported current state and the planned one): each change to an
 * element or one of its fields, and what Azure does to apply it.
 */
import type { Design } from '../model';
import type { ElementKind } from '../kinds';

/** `design` is the design itself (its location). */
export type DiffKind = ElementKind | 'design';

export type ChangeOp = 'added' | 'removed' | 'changed';

/** A JSON-like value as the diff shows it: references appear as the name path of their target. */
export type DiffValue = string | number | boolean | null | readonly DiffValue[] | { readonly [k: string]: DiffValue };

export interface DesignChange {
  kind: DiffKind;
  /** The name path that matched the element in both designs: `vnet-spoke/snet-nodes`, `aks-prod/system`. */
  subject: string;
  op: ChangeOp;
  /** Dotted field path for `changed`: `cidr`, `loadBalancerProfile.idleTimeoutMinutes`, `routes[default].nextHopType`. */
  field?: string;
  before?: DiffValue;
  after?: DiffValue;
}

/**
 * What applying a change takes: `in-place` an update of the resource, `rolling` an update that reimages or replaces
 * nodes pool by pool (the cluster keeps running), `recreate` a new resource (what is recreated is in `recreates`).
 */
export type ForceEffect = 'in-place' | 'rolling' | 'recreate';
export type Recreated = 'cluster' | 'pool' | 'subnet' | 'resource' | 'everything';

export interface ForcedChange extends DesignChange {
  /** Id of the force entry that classified it. */
  force: string;
  effect: ForceEffect;
  recreates?: Recreated;
  message: string;
  learnUrl: string;
}

/** What a force reads: the change, both designs, and the element on each side when it exists. */
export interface ForceContext {
  change: DesignChange;
  before: Design;
  after: Design;
  /** The element (or the design) the change is about, in each design. */
  old?: unknown;
  next?: unknown;
}

export interface Force {
  /** Stable kebab-case id. */
  id: string;
  effect: ForceEffect;
  recreates?: Recreated;
  summary: string;
  /** The Microsoft Learn page that states what Azure does. */
  learnUrl: string;
  /** Whether this entry classifies the change; the first entry that applies wins. */
  applies: (ctx: ForceContext) => boolean;
  message: (ctx: ForceContext) => string;
}

export interface DesignDiff {
  changes: ForcedChange[];
}
