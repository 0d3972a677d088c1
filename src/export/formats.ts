/** The export formats the canvas and the CLI offer. */
import type { Design, Finding, Plan } from '../core/index';
import { fileNameFor } from './file-names';
import { exportCsv, exportMarkdown } from './address-plan';
import { exportAzCli } from './az-cli';
import { exportBicep } from './bicep';
import { exportK8sYaml } from './k8s-yaml';
import { exportDrawio, exportSvg, type DiagramLayout } from './diagram/index';

export type ExportFormatId = 'az' | 'bicep' | 'k8s' | 'md' | 'csv';

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  /** The file name the CLI's examples use; downloads name the file after the design (`exportFileName`). */
  filename: string;
  /** What follows the design's name in a downloaded file's name. */
  suffix: string;
  mime: string;
  /** Deployed as is: refused while the design has blocking findings, unless forced. */
  deployable: boolean;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'az',
    label: 'az CLI script',
    filename: 'deploy.sh',
    suffix: '.sh',
    mime: 'text/x-shellscript',
    deployable: true,
  },
  { id: 'bicep', label: 'Bicep', filename: 'main.bicep', suffix: '.bicep', mime: 'text/plain', deployable: true },
  {
    id: 'k8s',
    label: 'Kubernetes YAML',
    filename: 'manifests.yaml',
    suffix: '-manifests.yaml',
    mime: 'application/yaml',
    deployable: true,
  },
  {
    id: 'md',
    label: 'Address plan (Markdown)',
    filename: 'address-plan.md',
    suffix: '-address-plan.md',
    mime: 'text/markdown',
    deployable: false,
  },
  {
    id: 'csv',
    label: 'Address plan (CSV)',
    filename: 'address-plan.csv',
    suffix: '-address-plan.csv',
    mime: 'text/csv',
    deployable: false,
  },
];

/**
 * Rules whose errors Azure rejects at deployment (names and addresses it cannot parse): the CLI refuses to
 * export a deployable format while one is reported, and the export panel asks first. A split rule counts by
 * its family.
 */
export const BLOCKING_RULES: ReadonlySet<string> = new Set(['invalid-name', 'pool-name', 'invalid-cidr']);

/** The findings a deployable export is refused on. */
export function blockingFindings(plan: Pick<Plan, 'findings'>): Finding[] {
  return plan.findings.filter(
    (f) => f.severity === 'error' && (BLOCKING_RULES.has(f.rule) || BLOCKING_RULES.has(f.family ?? f.rule)),
  );
}

/** The download name of an export of the design: Save, pictures and exports share one scheme. */
export function exportFileName(format: ExportFormatId, designName: string): string {
  return fileNameFor(designName, EXPORT_FORMATS.find((f) => f.id === format)!.suffix);
}

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
