/**
 * A small picture of a cluster under one model, drawn from the comparison: the VNet with the cluster's subnets in
 * place, each subnet's use at peak, the pod CIDR outside the VNet when the model has one, and the egress chain
 * with its SNAT points.
 */
import type { ReactNode } from 'react';
import { toRange, type Design, type ModelColumn, type ModelSubnetNeed } from '../core/index';

const W = 240;
const BAR = 10;

interface Seg {
  x: number;
  w: number;
  role: 'node' | 'pod' | 'other';
}

/** Subnets of the VNet holding the node subnet, placed by address along the VNet's first space. */
function vnetSegments(design: Design, col: ModelColumn): { label: string; segs: Seg[] } | null {
  const nodeId = col.nodeSubnets[0]?.subnetId;
  const vnet = design.vnets.find((v) => v.subnets.some((s) => s.id === nodeId));
  const space = vnet ? toRange(vnet.addressSpaces[0] ?? '') : null;
  if (!vnet || !space) return null;
  const size = 2 ** (32 - space.prefix);
  const podId = col.podSubnet?.subnetId;
  const segs = vnet.subnets.flatMap((s): Seg[] => {
    const r = toRange(s.cidr);
    if (!r || r.start < space.start || r.start >= space.start + size) return [];
    const x = ((r.start - space.start) / size) * W;
    const w = Math.max(2, (2 ** (32 - r.prefix) / size) * W);
    return [{ x, w, role: s.id === nodeId ? 'node' : s.id === podId ? 'pod' : 'other' }];
  });
  return { label: `VNet ${vnet.name} ${vnet.addressSpaces[0]}`, segs };
}

function UseBar({ y, need, role }: { y: number; need: ModelSubnetNeed; role: 'node' | 'pod' }) {
  const frac = need.usable > 0 ? Math.min(1, need.used / need.usable) : 1;
  return (
    <g data-kind={`${role}-subnet-bar`}>
      <rect x={0} y={y} width={W} height={BAR} className={`mp-range mp-${role}`} />
      <rect x={0} y={y} width={frac * W} height={BAR} className={`mp-used mp-${role}`} />
      <text x={2} y={y + BAR + 10} className="mp-text">
        {`${role === 'node' ? 'nodes' : 'pods'} ${need.cidr ?? ''}: ${need.used.toLocaleString('en-US')} / ${need.usable.toLocaleString('en-US')}`}
      </text>
    </g>
  );
}

function PodCidrBar({ y, col }: { y: number; col: ModelColumn }) {
  const p = col.podCidr!;
  const frac = p.nodesHeld > 0 ? Math.min(1, p.peakNodes / p.nodesHeld) : 1;
  return (
    <g data-kind="pod-cidr-bar">
      <rect x={0} y={y} width={W} height={BAR} className="mp-range mp-podcidr" />
      <rect x={0} y={y} width={Math.max(1, frac * W)} height={BAR} className="mp-used mp-podcidr" />
      <text x={2} y={y + BAR + 10} className="mp-text">
        {`pod CIDR ${p.cidr}, outside the VNet: ${p.peakNodes} / ${p.nodesHeld} /24s`}
      </text>
    </g>
  );
}

const HOP_NAME: Record<string, string> = {
  node: 'node',
  'load-balancer': 'load balancer',
  'nat-gateway': 'NAT gateway',
  firewall: 'firewall',
  appliance: 'appliance',
};

/** pod → each hop that translates the source (SNAT badge) → Internet, or a stop mark where the trace ends. */
function EgressChain({ y, col }: { y: number; col: ModelColumn }) {
  const hops = ['pod', ...col.snat.at.map((k) => HOP_NAME[k] ?? k)];
  const end = col.snat.outcome === 'delivered' ? 'Internet' : '✕ stopped';
  const all = [...hops, end];
  const step = W / all.length;
  return (
    <g data-kind="egress-chain">
      {all.map((h, i) => (
        <g key={i}>
          {i > 0 && <line x1={i * step - 6} y1={y + 6} x2={i * step + 2} y2={y + 6} className="mp-arrow" />}
          <text
            x={i * step + 4}
            y={y + 9}
            className={i === all.length - 1 && end !== 'Internet' ? 'mp-stop' : 'mp-text'}
          >
            {h}
          </text>
          {i > 0 && i < hops.length && (
            <text x={i * step + 4} y={y - 1} className="mp-snat" data-kind="snat-point">
              SNAT
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

export function ModelPicture({ col }: { col: ModelColumn }) {
  const design = col.design;
  if (!design) return null;
  const vnet = vnetSegments(design, col);
  let y = 12;
  const parts: ReactNode[] = [];
  if (vnet) {
    parts.push(
      <g key="vnet" data-kind="vnet-bar">
        <text x={0} y={9} className="mp-text">
          {vnet.label}
        </text>
        <rect x={0} y={y} width={W} height={BAR} className="mp-vnet" />
        {vnet.segs.map((s, i) => (
          <rect key={i} x={s.x} y={y} width={s.w} height={BAR} className={`mp-seg mp-${s.role}`} />
        ))}
      </g>,
    );
    y += BAR + 8;
  }
  const node = col.nodeSubnets[0];
  if (node) {
    parts.push(<UseBar key="node" y={y} need={node} role="node" />);
    y += BAR + 16;
  }
  if (col.podSubnet) {
    parts.push(<UseBar key="pod" y={y} need={col.podSubnet} role="pod" />);
    y += BAR + 16;
  }
  if (col.podCidr) {
    parts.push(<PodCidrBar key="podcidr" y={y} col={col} />);
    y += BAR + 16;
  }
  parts.push(<EgressChain key="egress" y={y + 6} col={col} />);
  const pods = col.podCidr ? 'outside' : 'vnet';
  return (
    <svg
      className="model-picture"
      viewBox={`0 0 ${W} ${y + 20}`}
      width={W}
      role="img"
      aria-label={`${col.label}: pods ${pods === 'vnet' ? 'in the VNet' : 'outside the VNet'}`}
      data-testid={`models-picture-${col.model}`}
      data-pods={pods}
    >
      {parts}
    </svg>
  );
}
