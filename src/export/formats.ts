/** The export formats the canvas and the CLI offer. */
import type { Design, Plan } from '../core/index';
import { exportCsv, exportMarkdown } from './address-plan';
import { exportAzCli } from './az-cli';
import { exportBicep } from './bicep';
import { exportK8sYaml } from './k8s-yaml';
import { exportDrawio, exportSvg, type DiagramLayout } from './diagram/index';

export type ExportFormatId = 'az' | 'bicep' | 'k8s' | 'md' | 'csv';

export const EXPORT_FORMATS: readonly { id: ExportFormatId; label: string; filename: string; mime: string }[] = [
  { id: 'az', label: 'az CLI script', filename: 'deploy.sh', mime: 'text/x-shellscript' },
  { id: 'bicep', label: 'Bicep', filename: 'main.bicep', mime: 'text/plain' },
  { id: 'k8s', label: 'Kubernetes YAML', filename: 'manifests.yaml', mime: 'application/yaml' },
  { id: 'md', label: 'Address plan (Markdown)', filename: 'address-plan.md', mime: 'text/markdown' },
  { id: 'csv', label: 'Address plan (CSV)', filename: 'address-plan.csv', mime: 'text/csv' },
];

export interface ExportOptions {
  /** Resource group the az script deploys to by default, and where the manifests look for static public IPs. */
  resourceGroup?: string;
}

export function exportAs(format: ExportFormatId, design: Design, plan: Plan, opts: ExportOptions = {}): string {
  switch (format) {
    case 'az':
      return exportAzCli(design, plan, opts);
    case 'bicep':
      return exportBicep(design, plan);
    case 'k8s':
      return exportK8sYaml(design, plan, opts);
    case 'md':
      return exportMarkdown(design, plan);
    case 'csv':
      return exportCsv(design, plan);
  }
}

/** Pictures of the design, drawn from its layout: the CLI computes one when the file has none. */
export type PictureFormatId = 'svg' | 'drawio';

export const PICTURE_FORMATS: readonly { id: PictureFormatId; label: string; filename: string; mime: string }[] = [
  { id: 'svg', label: 'SVG picture', filename: 'design.svg', mime: 'image/svg+xml' },
  { id: 'drawio', label: 'draw.io diagram', filename: 'design.drawio', mime: 'application/vnd.jgraph.mxfile' },
];

export function exportPicture(
  format: PictureFormatId,
  design: Design,
  plan: Plan,
  layout: DiagramLayout,
  title: string,
): string {
  return format === 'svg'
    ? exportSvg(design, plan, layout, { title, subtitle: design.location })
    : exportDrawio(design, plan, layout, { title });
}
