/**
 * One glyph and one colour family per element kind, shared by the canvas nodes and the SVG and draw.io exports.
 * The glyphs are drawn for this project on a 24 × 24 grid as stroked outlines (no fill), so they stay legible at
 * 16 px and read as a silhouette when zoomed out. They are not Azure's icon files, whose terms limit redistribution.
 */
import type { ElementKind } from '../../core/index';

/** The kinds of the core registry (src/core/kinds.ts): the table below has one entry for each. */
export type DiagramKind = ElementKind;

export type KindFamily = 'network' | 'compute' | 'security' | 'edge';

export interface FamilyColours {
  /** Borders, glyph strokes and the kind caption. */
  stroke: string;
  /** Box background: light enough that black text on it keeps a contrast above 12:1. */
  fill: string;
  /** A stronger tint for the header band of leaf boxes. */
  band: string;
}

/** Colours chosen apart from the finding colours (error red, warning amber) so a finding still stands out. */
export const FAMILIES: Readonly<Record<KindFamily, FamilyColours & { label: string }>> = {
  network: { label: 'Network', stroke: '#0b5cad', fill: '#f2f7fd', band: '#dcebfa' },
  compute: { label: 'Compute', stroke: '#6b3fa0', fill: '#f7f3fb', band: '#e9dff5' },
  security: { label: 'Security', stroke: '#b34700', fill: '#fdf5ee', band: '#f9e1cf' },
  edge: { label: 'Edge and ingress', stroke: '#00776b', fill: '#f0f9f7', band: '#d3eee9' },
};

export interface KindStyle {
  family: KindFamily;
  /** Caption shown above the name. */
  label: string;
  /** SVG path data on a 24 × 24 grid, drawn with a 2-unit round stroke and no fill. */
  glyph: string;
}

export const KIND_STYLES: Readonly<Record<DiagramKind, KindStyle>> = {
  // Angle brackets around three dots: an address space holding things.
  vnet: { family: 'network', label: 'VNet', glyph: 'M7 5 2 12l5 7M17 5l5 7-5 7M8.5 12h.01M12 12h.01M15.5 12h.01' },
  // A block split into smaller blocks.
  subnet: { family: 'network', label: 'Subnet', glyph: 'M3 4h18v16H3zM3 12h18M12 4v8' },
  // Two linked rings.
  peering: {
    family: 'network',
    label: 'Peering',
    glyph: 'M2 12a5 5 0 1 0 10 0a5 5 0 1 0-10 0M12 12a5 5 0 1 0 10 0a5 5 0 1 0-10 0',
  },
  // A building with windows.
  onprem: {
    family: 'edge',
    label: 'On-premises',
    glyph: 'M4 21V5l8-3v19M12 9h8v12M2 21h20M7 8h2M7 12h2M7 16h2M15 13h2M15 17h2',
  },
  // A helm wheel in a hexagon.
  cluster: {
    family: 'compute',
    label: 'AKS cluster',
    glyph: 'M12 2l8.7 5v10L12 22l-8.7-5V7zM12 7v10M7.7 9.5l8.6 5M16.3 9.5l-8.6 5',
  },
  // Two stacked servers.
  pool: { family: 'compute', label: 'Node pool', glyph: 'M3 4h18v6H3zM3 14h18v6H3zM7 7h.01M7 17h.01M11 7h6M11 17h6' },
  // One stream fanned out to three.
  loadBalancer: {
    family: 'edge',
    label: 'Load balancer',
    glyph: 'M12 2v6M12 8 4.5 20M12 8v12M12 8l7.5 12M2.5 20h4M10 20h4M17.5 20h4',
  },
  // An arch with an arrow going in.
  appGateway: { family: 'edge', label: 'App Gateway', glyph: 'M3 21V9l9-6 9 6v12M8 21v-5h8v5M12 6v7M9 10l3 3 3-3' },
  // The gateway's roof over three containers.
  agc: {
    family: 'edge',
    label: 'App Gateway for Containers',
    glyph: 'M3 10l9-6 9 6M5 13h4v6H5zM10 13h4v6h-4zM15 13h4v6h-4z',
  },
  // A brick wall.
  firewall: {
    family: 'security',
    label: 'Firewall',
    glyph: 'M3 5h18v14H3zM3 9.7h18M3 14.3h18M9 5v4.7M15 5v4.7M6 9.7v4.6M12 9.7v4.6M18 9.7v4.6M9 14.3V19M15 14.3V19',
  },
  // An arrow leaving through a gate.
  natGateway: { family: 'network', label: 'NAT gateway', glyph: 'M19 3v18M3 12h12M11 8l4 4-4 4M3 7v10' },
  // A globe.
  publicIp: {
    family: 'edge',
    label: 'Public IP',
    glyph: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0M3 12h18M12 3c3.5 3.5 3.5 14.5 0 18M12 3c-3.5 3.5-3.5 14.5 0 18',
  },
  // A signpost pointing two ways.
  routeTable: {
    family: 'network',
    label: 'Route table',
    glyph: 'M12 2v20M12 5h7l2.5 2.5L19 10h-7M12 12H5l-2.5 2.5L5 17h7',
  },
  // A shield with a tick.
  nsg: {
    family: 'security',
    label: 'NSG',
    glyph: 'M12 3l8 3v6c0 5-3.5 8-8 9.5-4.5-1.5-8-4.5-8-9.5V6zM8.5 12l2.5 2.5 4.5-4.5',
  },
  // A plug.
  privateEndpoint: {
    family: 'network',
    label: 'Private endpoint',
    glyph: 'M9 2v5M15 2v5M6 7h12v4a6 6 0 0 1-12 0zM12 17v5',
  },
  // A tower with battlements.
  bastion: {
    family: 'security',
    label: 'Bastion',
    glyph: 'M5 21V9h14v12M4 9V4h3v2h2.5V4h5v2H17V4h3v5M10 21v-5h4v5M2 21h20',
  },
};

export function styleOf(kind: DiagramKind): KindStyle & FamilyColours {
  const s = KIND_STYLES[kind];
  return { ...FAMILIES[s.family], ...s };
}

/** The glyph as a standalone SVG document: draw.io takes it as a shape image. */
export function glyphSvg(kind: DiagramKind, colour = styleOf(kind).stroke): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` +
    `<path d="${KIND_STYLES[kind].glyph}" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`
  );
}
