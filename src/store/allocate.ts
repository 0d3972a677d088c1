/** Address allocation applied to the document: a VNet re-laid, or a new spoke peered to a hub, each one undo step. */
import { applyAllocation, freeSpokeSpace, type Allocation, type Id } from '../core/index';
import { useDesignStore } from './design-store';
import { addPeering } from './factory';
import { freeName } from './ids';

/** Applies a proposal to a VNet; returns what could not follow (static addresses to set by hand). */
export function applyVnetAllocation(vnetId: Id, allocation: Allocation): string[] {
  let notes: string[] = [];
  useDesignStore.getState().edit((draft) => {
    notes = applyAllocation(draft.design, vnetId, allocation);
  });
  return notes;
}

/** The default size of a new spoke: a /16, as the templates' spokes. */
export const SPOKE_PREFIX = 16;

/**
 * Adds a VNet at a free address space (no overlap with any VNet, on-premises range or cluster range), peered
 * with the hub, and selects it; or says why there is none.
 */
export function addSpoke(hubId: Id, prefix = SPOKE_PREFIX): { id: Id } | { error: string } {
  return useDesignStore.getState().edit<{ id: Id } | { error: string }>(
    (draft, newId) => {
      const d = draft.design;
      const hub = d.vnets.find((v) => v.id === hubId);
      if (!hub) return { error: 'the hub VNet no longer exists' };
      const space = freeSpokeSpace(d, prefix);
      if (!space) return { error: `no free /${prefix} is left in the private ranges` };
      const id = newId('vnet');
      const name = freeName(
        d.vnets.map((v) => v.name),
        'vnet-spoke-',
      );
      d.vnets.push({ id, name, addressSpaces: [space], subnets: [] });
      const at = draft.layout.nodes[hubId];
      draft.layout.nodes[id] = { x: (at?.x ?? 0) + (at?.w ?? 380) + 80, y: at?.y ?? 0, w: 380, h: 160 };
      addPeering(d, newId('peer'), hub, { id, name });
      return { id };
    },
    (r) => ('id' in r ? { selection: [r.id] } : {}),
  );
}
