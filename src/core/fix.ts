/** Applying a finding's proposed fix to a design draft. */
import type { Design } from './model';
import type { Fix } from './plan-types';
import { renameById } from './validate/rename';

/** Applies a fix in place (inside one store update, so it is one undo step). Returns false when its subject is gone. */
export function applyFix(d: Design, fix: Fix): boolean {
  if (fix.kind === 'set-cluster-field') {
    const c = d.clusters.find((x) => x.id === fix.clusterId);
    if (!c) return false;
    c[fix.field] = fix.value;
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
