/** The node components: one box with a header, details, a usage bar for subnets and a finding badge. */
import { memo } from 'react';
import { type Node, type NodeProps } from '@xyflow/react';
import { formatCount } from '../core/index';
import { styleOf, type DiagramKind } from '../export/diagram/index';
import { useDesignStore } from '../store';
import type { BoxData } from './derive';
import { BoxResizer } from './resize';
import { Ports } from './ports';

/** The kind's glyph, drawn in its family colour; aria-hidden: the caption beside it names the kind. */
function Glyph({ kind }: { kind: DiagramKind }) {
  return (
    <svg className="box-glyph" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <path
        d={styleOf(kind).glyph}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Family colours as CSS variables, so the stylesheet decides where they apply. */
function familyStyle(kind: DiagramKind): React.CSSProperties {
  const s = styleOf(kind);
  return { '--kind': s.stroke, '--kind-fill': s.fill, '--kind-band': s.band } as React.CSSProperties;
}

function UsageBar({ usage }: { usage: NonNullable<BoxData['usage']> }) {
  const pct = (n: number) => `${Math.max(0, (n / usage.total) * 100)}%`;
  const over = usage.free < 0;
  return (
    <div
      className="usage"
      data-testid="usage"
      title={`${usage.used} used at peak (autoscaler max + surge), ${usage.reserved} reserved, ${usage.free} free of ${usage.total}`}
    >
      <div className="usage-bar">
        <span className="usage-reserved" style={{ width: pct(usage.reserved) }} />
        <span
          className={over ? 'usage-used usage-over' : 'usage-used'}
          style={{ width: pct(Math.min(usage.used, usage.total - usage.reserved)) }}
        />
      </div>
      {over ? (
        <div className="usage-text usage-over-text" data-testid="usage-over">
          {formatCount(usage.used)} needed &gt; {formatCount(usage.total - usage.reserved)} usable
        </div>
      ) : (
        <div className="usage-text" data-testid="usage-text">
          {formatCount(usage.used)} used · {formatCount(usage.free)} free · {usage.reserved} reserved
        </div>
      )}
      {usage.headroom ? (
        <div className="usage-headroom" data-testid="usage-headroom">
          {usage.headroom}
        </div>
      ) : null}
    </div>
  );
}

/** A resource's public IPs: a chip each, which selects the IP (its settings are in the inspector). */
function IpChips({ ids, names }: { ids: string[]; names: string[] }) {
  return (
    <div className="box-ips">
      {ids.map((ip, i) => (
        <button
          key={ip}
          type="button"
          className="box-ip nodrag"
          data-testid={`ip-${ip}`}
          title={`Public IP ${names[i] ?? ip}`}
          onClick={(e) => {
            e.stopPropagation();
            useDesignStore.getState().select([ip]);
          }}
        >
          IP {names[i] ?? ip}
        </button>
      ))}
    </div>
  );
}

function Box({ id, data, selected, type }: NodeProps<Node<BoxData>>) {
  const over = !!data.usage && data.usage.free < 0;
  const cls = [
    'box',
    `box-${type}`,
    selected ? 'box-selected' : '',
    data.highlighted ? 'box-highlight' : '',
    data.severity ? `box-${data.severity}` : '',
    `box-family-${styleOf(data.kindId).family}`,
    over ? 'box-over' : '',
  ].join(' ');
  // Handles sit outside the clipped box so the whole handle takes the pointer.
  return (
    <>
      {selected && (type === 'vnet' || type === 'subnet') ? <BoxResizer id={id} /> : null}
      <Ports id={id} selected={!!selected} side="target" />
      <div
        className={cls}
        data-testid={`node-${id}`}
        data-kind={data.kindId}
        {...(over ? { 'data-over': 'true' } : {})}
        style={familyStyle(data.kindId)}
      >
        <div className="box-head">
          <Glyph kind={data.kindId} />
          <span className="box-kind">{data.kind}</span>
          <span className="box-name">{data.name}</span>
          {type === 'subnet' && data.tags
            ? data.tags.map((t) => (
                // Subnets hold pools below their header, so their associations sit in it: the kind, the name on hover.
                <span key={t} className="box-tag" title={t}>
                  {t.split(' ')[0]}
                </span>
              ))
            : null}
          {data.findings ? (
            <span className={`badge badge-${data.severity}`} title={`${data.findings} finding(s)`}>
              {data.findings}
            </span>
          ) : null}
        </div>
        {data.detail ? <div className="box-detail">{data.detail}</div> : null}
        {data.tags && type !== 'subnet' ? (
          <div className="box-tags">
            {data.tags.map((t) => (
              <span key={t} className="box-tag">
                {t}
              </span>
            ))}
          </div>
        ) : null}
        {data.ipIds ? <IpChips ids={data.ipIds} names={data.ipNames ?? []} /> : null}
        {data.usage ? <UsageBar usage={data.usage} /> : null}
        {data.chips ? (
          <div className="box-chips" data-testid={`workloads-${id}`}>
            {data.chips.map((c) => (
              <span key={c.id} className="box-chip" data-testid={`workload-${c.id}`} title={c.title}>
                {c.label}
              </span>
            ))}
          </div>
        ) : null}
      </div>
      <Ports id={id} selected={!!selected} side="source" />
    </>
  );
}

/**
 * A box draws only from these props. React Flow also passes the absolute position and the drag state, which
 * change on every frame for every box inside a dragged VNet: comparing only what is drawn leaves those alone.
 */
const drawnSame = (a: NodeProps<Node<BoxData>>, b: NodeProps<Node<BoxData>>) =>
  a.id === b.id && a.data === b.data && a.selected === b.selected && a.type === b.type;

const BoxNode = memo(Box, drawnSame);

export const NODE_TYPES = { vnet: BoxNode, subnet: BoxNode, cluster: BoxNode, pool: BoxNode, resource: BoxNode };
