/** Exports: design + plan → text people deploy with. Pure functions. */
export { exportAzCli, azCommands, RESOURCE_GROUP_PATTERN, type AzCliOptions } from './az-cli';
export { exportBicep } from './bicep';
export { exportK8sYaml, type K8sYamlOptions } from './k8s-yaml';
export { exportMarkdown, exportCsv } from './address-plan';
export {
  BLOCKING_RULES,
  EXPORT_FORMATS,
  PICTURE_FORMATS,
  blockingFindings,
  exportAs,
  exportFileName,
  exportPicture,
  type ExportFormat,
  type ExportFormatId,
  type ExportOptions,
  type PictureFormatId,
} from './formats';
export { layoutDesign } from './diagram/layout';
export { FIT_PADDING, type DiagramLayout } from './diagram/index';
export { containLayout, minSizes, MIN_BOX, CHILD_TOP, CHILD_PAD } from './diagram/contain';
export { fileNameFor } from './file-names';
