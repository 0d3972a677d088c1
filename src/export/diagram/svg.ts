/**
 * The whole design as a vector SVG: rectangles, paths and text in generic fonts, every line, a title and a legend.
 * Self-contained (no scripts, no external references), so it renders in browsers, in rsvg-convert and in documents.
 */
import type { Design, Plan } from '../../core/index';
import { FAMILIES, KIND_STYLES, styleOf, type DiagramKind, type KindFamily } from './glyphs';
import { fitText } from './geometry';
import { midpointOf, pathOf, routeLines } from './route-lines';
import { buildScene, type DiagramLayout, type Scene, type SceneBox } from './scene';
import { LINE_STYLES, drawnLines } from './lines';

const MARGIN = 24;
const TITLE_H = 44;
const LEGEND_H = 84;
const FONT = 'sans-serif';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const num = (n: number) => String(Math.round(n * 10) / 10);

function text(x: number, y: number, s: string, size: number, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="${size}"${attrs}>${escapeXml(s)}</text>`;
}

function glyph(kind: DiagramKind, x: number, y: number, size: number): string {
  return `<use href="#g-${kind}" x="${num(x)}" y="${num(y)}" width="${size}" height="${size}" color="${styleOf(kind).stroke}"/>`;
}

function usageBar(b: SceneBox, y: number): string {
  const u = b.usage!;
  const w = b.w - 16;
  const part = (n: number) => Math.max(0, Math.min(w, (n / u.total) * w));
  const over = u.free < 0;
  const reserved = part(u.reserved);
  const used = Math.min(w - reserved, part(u.used));
  const label = `${u.used.toLocaleString('en-US')} used · ${u.free.toLocaleString('en-US')} free · ${u.reserved} reserved`;
  return (
    `<rect x="${num(b.x + 8)}" y="${num(y)}" width="${num(w)}" height="6" rx="3" fill="#e3e8ee"/>` +
    `<rect x="${num(b.x + 8)}" y="${num(y)}" width="${num(reserved)}" height="6" fill="#9aa7b5"/>` +
    `<rect x="${num(b.x + 8 + reserved)}" y="${num(y)}" width="${num(used)}" height="6" fill="${over ? '#c4314b' : '#0b5cad'}"/>` +
    text(b.x + 8, y + 19, fitText(label, w, 11), 11, over ? ' fill="#a4262c" font-weight="bold"' : ' fill="#4d5866"')
  );
}

/** The public IPs of a resource, as one chip at its top right (as the canvas shows them). */
function ipChip(b: SceneBox, names: string[]): string {
  const label = fitText(`IP ${names.join(', ')}`, (b.w - 24) / 2, 9.5);
  const w = label.length * 5.5 + 8;
  const x = b.x + b.w - 6 - w;
  return (
    `<rect class="ip-chip" x="${num(x)}" y="${num(b.y + 6)}" width="${num(w)}" height="14" rx="7" fill="#fff4e5" stroke="#b35c00" stroke-width="0.8"/>` +
    text(x + w / 2, b.y + 16.5, label, 9.5, ' text-anchor="middle" fill="#8a4600"')
  );
}

function boxSvg(b: SceneBox): string {
  const s = styleOf(b.kind);
  const container = b.kind === 'vnet' || b.kind === 'subnet';
  const g = container ? 16 : 18;
  const tx = b.x + 8 + g + 6;
  const avail = b.x + b.w - 8 - tx;
  const parts = [
    `<g data-id="${escapeXml(b.id)}" data-kind="${b.kind}">`,
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="6" fill="${b.kind === 'vnet' || b.kind === 'subnet' ? s.fill : '#ffffff'}" stroke="${s.stroke}" stroke-width="${b.kind === 'vnet' ? 2 : 1.2}"${b.kind === 'subnet' ? ' stroke-opacity="0.6"' : ''}/>`,
  ];
  if (!container)
    parts.push(`<rect x="${num(b.x)}" y="${num(b.y + 3)}" width="4" height="${num(b.h - 6)}" fill="${s.stroke}"/>`);
  parts.push(glyph(b.kind, b.x + 8, b.y + 7, g));
  if (container) {
    const chips = b.chips ?? [];
    const chipW = chips.length * 30;
    parts.push(text(tx, b.y + 20, fitText(b.name, avail - chipW, 13, true), 13, ' font-weight="bold" fill="#1b1f24"'));
    chips.forEach((c, i) => {
      const cx = b.x + b.w - 8 - (chips.length - i) * 30;
      parts.push(
        `<rect x="${num(cx)}" y="${num(b.y + 8)}" width="27" height="14" rx="3" fill="#e9eef4"/>`,
        text(cx + 13.5, b.y + 19, c, 9.5, ' text-anchor="middle" fill="#3b4754"'),
      );
    });
    parts.push(text(tx, b.y + 36, fitText(b.detail, avail, 11), 11, ' fill="#4d5866"'));
    if (b.usage) parts.push(usageBar(b, b.y + 46));
  } else {
    parts.push(text(tx, b.y + 17, s.label.toUpperCase(), 9.5, ` fill="${s.stroke}" letter-spacing="0.4"`));
    parts.push(text(tx, b.y + 33, fitText(b.name, avail, 13, true), 13, ' font-weight="bold" fill="#1b1f24"'));
    if (b.h >= 52) parts.push(text(b.x + 12, b.y + 50, fitText(b.detail, b.w - 20, 11), 11, ' fill="#4d5866"'));
    if (b.publicIps) parts.push(ipChip(b, b.publicIps));
  }
  parts.push('</g>');
  return parts.join('');
}

/** The lines, and their labels apart: labels go on top of everything so no box hides them. */
function linesSvg(scene: Scene): { lines: string; labels: string } {
  const out: string[] = [];
  const labels: string[] = [];
  const drawn = drawnLines(scene);
  const routes = routeLines(scene.boxes, drawn);
  for (const l of drawn) {
    const st = LINE_STYLES[l.kind];
    const points = routes.get(l.id)!;
    out.push(
      `<path class="line line-${l.kind}" d="${pathOf(points)}" fill="none" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
    );
    if (l.label) {
      const { x: mx, y: my } = midpointOf(points);
      const w = l.label.length * 6 + 8;
      labels.push(
        `<rect x="${num(mx - w / 2)}" y="${num(my - 8)}" width="${num(w)}" height="15" rx="3" fill="#ffffff" fill-opacity="0.9"/>`,
        text(mx, my + 3.5, l.label, 10, ` text-anchor="middle" fill="${st.stroke}"`),
      );
    }
  }
  return { lines: out.join('\n'), labels: labels.join('') };
}

function legendSvg(x: number, y: number): string {
  const parts: string[] = [text(x, y + 14, 'Legend', 12, ' font-weight="bold" fill="#1b1f24"')];
  const sample: Record<KindFamily, DiagramKind> = {
    network: 'vnet',
    compute: 'cluster',
    security: 'firewall',
    edge: 'appGateway',
  };
  let cx = x;
  for (const f of Object.keys(FAMILIES) as KindFamily[]) {
    const fam = FAMILIES[f];
    parts.push(
      `<rect x="${num(cx)}" y="${num(y + 24)}" width="22" height="22" rx="4" fill="${fam.fill}" stroke="${fam.stroke}"/>`,
      glyph(sample[f], cx + 3, y + 27, 16),
      text(cx + 28, y + 39, fam.label, 11, ' fill="#1b1f24"'),
    );
    cx += 40 + fam.label.length * 6.5;
  }
  cx = x;
  for (const st of Object.values(LINE_STYLES)) {
    parts.push(
      `<path d="M${num(cx)} ${num(y + 61)}h28" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
      text(cx + 34, y + 65, st.label, 11, ' fill="#1b1f24"'),
    );
    cx += 48 + st.label.length * 6.5;
  }
  return parts.join('');
}

function symbols(): string {
  return Object.entries(KIND_STYLES)
    .map(
      ([k, s]) =>
        `<symbol id="g-${k}" viewBox="0 0 24 24"><path d="${s.glyph}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></symbol>`,
    )
    .join('');
}

export interface SvgOptions {
  title: string;
  /** A second line under the title, e.g. the region. */
  subtitle?: string;
}

export function exportSvg(design: Design, plan: Plan, layout: DiagramLayout, opts: SvgOptions): string {
  const scene = buildScene(design, plan, layout);
  const b = scene.bounds;
  const legendW = 720;
  const w = Math.max(b.w, legendW) + 2 * MARGIN;
  const h = TITLE_H + b.h + LEGEND_H + 2 * MARGIN;
  const ox = MARGIN - b.x;
  const oy = MARGIN + TITLE_H - b.y;
  const containers = scene.boxes.filter((x) => x.kind === 'vnet' || x.kind === 'subnet');
  const leaves = scene.boxes.filter((x) => x.kind !== 'vnet' && x.kind !== 'subnet');
  const drawn = linesSvg(scene);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(w)}" height="${num(h)}" viewBox="0 0 ${num(w)} ${num(h)}" font-family="${FONT}">`,
    `<title>${escapeXml(opts.title)}</title>`,
    `<defs>${symbols()}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(MARGIN, MARGIN + 18, opts.title, 20, ' font-weight="bold" fill="#0b5cad"'),
    opts.subtitle ? text(MARGIN, MARGIN + 36, opts.subtitle, 12, ' fill="#4d5866"') : '',
    `<g transform="translate(${num(ox)} ${num(oy)})">`,
    containers.map(boxSvg).join('\n'),
    drawn.lines,
    leaves.map(boxSvg).join('\n'),
    drawn.labels,
    '</g>',
    legendSvg(MARGIN, MARGIN + TITLE_H + b.h + 16),
    '</svg>',
    '',
  ].join('\n');
}
