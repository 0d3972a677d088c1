/** Copy and paste of selected elements: pasted copies get new ids, names and free address blocks. */
import { nextFreeCidr } from '../core/cidr';
import type { Design, Id } from '../core/model';
import { findElement, newId, useDesignStore } from '../store';

let copied: { kind: string; element: unknown; box?: { x: number; y: number; w?: number; h?: number } }[] = [];

export function copySelection(): number {
  const s = useDesignStore.getState();
  copied = s.selection.flatMap((id) => {
    const f = findElement(s.doc.design, id);
    if (!f || f.kind === 'subnet' || f.kind === 'pool') return [];
    return [{ kind: f.kind, element: structuredClone(f.element), box: s.doc.layout.nodes[id] }];
  });
  return copied.length;
}

const LISTS: Record<string, keyof Design> = {
  vnet: 'vnets', cluster: 'clusters', peering: 'peerings', onprem: 'onPremSites', loadBalancer: 'loadBalancers', appGateway: 'appGateways',
  firewall: 'firewalls', natGateway: 'natGateways', publicIp: 'publicIps', routeTable: 'routeTables', nsg: 'nsgs', privateEndpoint: 'privateEndpoints', bastion: 'bastions',
};

export function paste(): void {
  if (copied.length === 0) return;
  const s = useDesignStore.getState();
  const design = structuredClone(s.doc.design);
  const layout = { ...s.doc.layout.nodes };
  const ids: Id[] = [];
  for (const c of copied) {
    const el = structuredClone(c.element) as { id: Id; name: string } & Record<string, unknown>;
    const prefix = el.id.replace(/-\d+$/, '') || c.kind;
    el.id = newId(design, layout, prefix);
    el.name = `${el.name}-copy`;
    if (c.kind === 'vnet') {
      const v = el as unknown as Design['vnets'][number];
      const prefixLen = Number(v.addressSpaces[0]?.split('/')[1] ?? 16);
      const space = nextFreeCidr(['10.0.0.0/8'], design.vnets.flatMap((x) => x.addressSpaces), prefixLen);
      if (!space) continue;
      v.addressSpaces = [space];
      const old = v.subnets;
      v.subnets = [];
      for (const sub of old) {
        const cidr = nextFreeCidr([space], v.subnets.map((x) => x.cidr), Number(sub.cidr.split('/')[1] ?? 24));
        if (!cidr) continue;
        const nid = newId(design, layout, 'snet');
        if (layout[sub.id]) layout[nid] = { ...layout[sub.id]! };
        v.subnets.push({ ...sub, id: nid, cidr });
        layout[nid] ??= { x: 20, y: 50 };
      }
    }
    if (c.kind === 'cluster') (el as unknown as Design['clusters'][number]).nodePools = [];
    (design[LISTS[c.kind]!] as unknown[]).push(el);
    if (c.box) layout[el.id] = { ...c.box, x: c.box.x + 40, y: c.box.y + 40 };
    ids.push(el.id);
  }
  useDesignStore.setState({ doc: { ...s.doc, design, layout: { nodes: layout } }, selection: ids });
}
