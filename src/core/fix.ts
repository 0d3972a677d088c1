/** Applying a finding's proposed fix to a design draft. */
import type { Design } from './model';
import type { Fix } from './plan-types';
import { renameById } from './validate/rename';
import { applyStageInPlace } from './migrate/design';

/** Applies a fix in place (inside one store update, so it is one undo step). Returns false when its subject is gone. */
export function applyFix(d: Design, fix: Fix): boolean {
  if (fix.kind === 'set-cluster-field' || fix.kind === 'set-overlay') {
    const c = d.clusters.find((x) => x.id === fix.clusterId);
    if (!c) return false;
    if (fix.kind === 'set-cluster-field') c[fix.field] = fix.value;
    else applyStageInPlace(d, c.id, 'overlay', fix.podCidr);
    return true;
  }
  if (fix.kind === 'set-pool-max-pods' || fix.kind === 'set-pool-max-surge') {
    const pool = d.clusters.flatMap((c) => c.nodePools).find((p) => p.id === fix.poolId);
    if (!pool) return false;
    if (fix.kind === 'set-pool-max-pods') pool.maxPods = fix.maxPods;
    else pool.maxSurge = fix.maxSurge;
    return true;
  }
  if (fix.kind === 'set-name') return renameById(d, fix.elementId, fix.name);
  for (const v of d.vnets) {
    const s = v.subnets.find((x) => x.id === fix.subnetId);
    if (!s) continue;
    if (fix.kind === 'set-subnet-cidr') s.cidr = fix.cidr;
    else {
      // Subnet names are unique in a VNet: a rename onto a sibling's name would make two.
      const lower = fix.name.toLowerCase();
      if (v.subnets.some((x) => x !== s && x.name.toLowerCase() === lower)) return false;
      s.name = fix.name;
    }
    return true;
  }
  return false;
}

/** Whether the element a fix changes is still in the design. */
function hasSubject(d: Design, fix: Fix): boolean {
  if (fix.kind === 'set-cluster-field' || fix.kind === 'set-overlay')
    return d.clusters.some((c) => c.id === fix.clusterId);
  if (fix.kind === 'set-pool-max-pods' || fix.kind === 'set-pool-max-surge')
    return d.clusters.some((c) => c.nodePools.some((p) => p.id === fix.poolId));
  if (fix.kind === 'set-name') return true;
  return d.vnets.some((v) => v.subnets.some((s) => s.id === fix.subnetId));
}

/**
 * Applies several fixes as one change (a preflight fix that sets several pools): none when the subject of one is
 * gone, so the design is never left half changed. Renames are not grouped: they can fail on a sibling's name.
 */
export function applyFixes(d: Design, fixes: readonly Fix[]): boolean {
  if (!fixes.every((f) => f.kind !== 'set-name' && f.kind !== 'set-subnet-name' && hasSubject(d, f))) return false;
  for (const f of fixes) applyFix(d, f);
  return fixes.length > 0;
}
