/**
 * The design as a draw.io (diagrams.net) file: an uncompressed mxGraph model. Containers are group cells whose
 * children sit at coordinates relative to them, as draw.io expects; lines are edges between the element cells;
 * each kind is a styled shape with its glyph as the cell image.
 */
import type { Design, Plan } from '../../core/index';
import { glyphSvg, styleOf } from './glyphs';
import { LINE_STYLES, drawnLines } from './lines';
import type { Rect } from './geometry';
import { routeLines, type Point } from './route-lines';
import { buildScene, type DiagramLayout, type SceneBox } from './scene';
import { escapeXml } from './svg';

const cellId = (id: string) => `n-${id}`;

/** Base64 of an ASCII string, in the browser and in Node alike. */
function base64(s: string): string {
  return btoa(s);
}

function boxStyle(b: SceneBox): string {
  const s = styleOf(b.kind);
  const container = b.kind === 'vnet' || b.kind === 'subnet';
  // draw.io reads a data URI in a style without ";base64" (the semicolon separates style keys).
  const image = `image=data:image/svg+xml,${base64(glyphSvg(b.kind))}`;
  return [
    'shape=label',
    'rounded=1',
    'arcSize=4',
    'absoluteArcSize=1',
    'whiteSpace=wrap',
    'html=1',
    `fillColor=${container ? s.fill : '#ffffff'}`,
    `strokeColor=${s.stroke}`,
    `strokeWidth=${b.kind === 'vnet' ? 2 : 1}`,
    'fontColor=#1b1f24',
    'fontSize=12',
    'align=left',
    'verticalAlign=top',
    'spacingLeft=30',
    'spacingTop=2',
    image,
    'imageWidth=18',
    'imageHeight=18',
    'imageAlign=left',
    'imageVerticalAlign=top',
    ...(container ? ['container=1', 'collapsible=0', 'recursiveResize=0'] : []),
  ].join(';');
}

function label(b: SceneBox): string {
  const kind = styleOf(b.kind).label;
  const usage = b.usage ? `<br>${b.usage.used} used · ${b.usage.free} free · ${b.usage.reserved} reserved` : '';
  const chips = [
    b.chips?.length ? ` [${b.chips.join(', ')}]` : '',
    b.publicIps ? ` (IP ${b.publicIps.join(', ')})` : '',
  ].join('');
  const html = `<font style="font-size:9px" color="${styleOf(b.kind).stroke}">${escapeXml(kind.toUpperCase())}</font><br><b>${escapeXml(b.name)}</b>${escapeXml(chips)}<br><font style="font-size:10px">${escapeXml(b.detail)}${usage}</font>`;
  return escapeXml(html);
}

/** A routed line as draw.io's orthogonal edge: where it leaves and enters its boxes (fractions of their size). */
function orthogonal(points: readonly Point[], a: Rect, b: Rect): string[] {
  if (points.length <= 2) return [];
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const f = (v: number) => String(Math.round(v * 1000) / 1000);
  return [
    'edgeStyle=orthogonalEdgeStyle',
    `exitX=${f((first.x - a.x) / a.w)}`,
    `exitY=${f((first.y - a.y) / a.h)}`,
    'exitPerimeter=0',
    `entryX=${f((last.x - b.x) / b.w)}`,
    `entryY=${f((last.y - b.y) / b.h)}`,
    'entryPerimeter=0',
  ];
}

/** The bends of a routed line, in the layer's (absolute) coordinates. */
function waypoints(points: readonly Point[]): string {
  if (points.length <= 2) return '';
  const inner = points.slice(1, -1).map((p) => `<mxPoint x="${Math.round(p.x)}" y="${Math.round(p.y)}"/>`);
  return `<Array as="points">${inner.join('')}</Array>`;
}

export interface DrawioOptions {
  title: string;
}

export function exportDrawio(design: Design, plan: Plan, layout: DiagramLayout, opts: DrawioOptions): string {
  const scene = buildScene(design, plan, layout);
  const byId = new Map(scene.boxes.map((b) => [b.id, b]));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  for (const b of scene.boxes) {
    const parent = b.parentId ? byId.get(b.parentId) : undefined;
    const x = b.x - (parent?.x ?? 0);
    const y = b.y - (parent?.y ?? 0);
    cells.push(
      `<mxCell id="${escapeXml(cellId(b.id))}" value="${label(b)}" style="${escapeXml(boxStyle(b))}" vertex="1" parent="${parent ? escapeXml(cellId(parent.id)) : '1'}">` +
        `<mxGeometry x="${x}" y="${y}" width="${b.w}" height="${b.h}" as="geometry"/></mxCell>`,
    );
  }
  const drawn = drawnLines(scene);
  const routes = routeLines(scene.boxes, drawn);
  for (const l of drawn) {
    const st = LINE_STYLES[l.kind];
    const points = routes.get(l.id)!;
    const style = [
      ...orthogonal(points, byId.get(l.source)!, byId.get(l.target)!),
      'endArrow=none',
      'html=1',
      'rounded=0',
      `strokeColor=${st.stroke}`,
      `strokeWidth=${st.width}`,
      ...(st.dash ? ['dashed=1', `dashPattern=${st.dash}`] : []),
      'fontSize=10',
      `fontColor=${st.stroke}`,
      'labelBackgroundColor=#ffffff',
    ].join(';');
    cells.push(
      `<mxCell id="${escapeXml(`e-${l.id}`)}" value="${escapeXml(l.label ?? '')}" style="${escapeXml(style)}" edge="1" parent="1" source="${escapeXml(cellId(l.source))}" target="${escapeXml(cellId(l.target))}">` +
        `<mxGeometry relative="1" as="geometry">${waypoints(points)}</mxGeometry></mxCell>`,
    );
  }
  const b = scene.bounds;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile host="aksnet" type="device">`,
    `<diagram id="aksnet" name="${escapeXml(opts.title)}">`,
    `<mxGraphModel dx="${Math.round(b.w)}" dy="${Math.round(b.h)}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">`,
    '<root>',
    ...cells,
    '</root>',
    '</mxGraphModel>',
    '</diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}
