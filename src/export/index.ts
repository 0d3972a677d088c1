/** Exports: design + plan → text people deploy with. Pure functions. */
export { exportAzCli, azCommands, type AzCliOptions } from './az-cli';
export { exportBicep } from './bicep';
export { exportK8sYaml } from './k8s-yaml';
export { exportMarkdown, exportCsv } from './address-plan';
export { EXPORT_FORMATS, exportAs, type ExportFormatId } from './formats';
