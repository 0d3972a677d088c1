/**
 * One standalone main.bicep: parameters, every modelled resource with symbolic references, and outputs.
 * Deterministic: the same design gives the same file.
 */
import type { Design, Plan } from '../core/index';
import { agcResources } from './agc';
import { aksResources } from './bicep-aks';
import { networkResources } from './bicep-network';
import { serviceResources } from './bicep-services';
import { bstr, renderResource, Symbols } from './bicep-writer';

export function exportBicep(design: Design, _plan: Plan): string {
  const sym = new Symbols();
  const resources = [
    ...networkResources(design, sym),
    ...serviceResources(design, sym),
    ...agcResources(design, sym),
    ...aksResources(design, sym),
  ];
  const outputs: string[] = [];
  for (const v of design.vnets) outputs.push(`output ${sym.get(v.id)}_id string = ${sym.get(v.id)}.id`);
  for (const c of design.clusters) outputs.push(`output ${sym.get(c.id)}_name string = ${sym.get(c.id)}.name`);
  for (const f of design.firewalls)
    outputs.push(
      `output ${sym.get(f.id)}_private_ip string = ${sym.get(f.id)}.properties.ipConfigurations[0].properties.privateIPAddress`,
    );
  const head = [
    '// AKS network design. Deploy with: az deployment group create --resource-group <rg> --template-file main.bicep',
    "targetScope = 'resourceGroup'",
    '',
    "@description('Azure region of every resource.')",
    `param location string = ${bstr(design.location)}`,
    '',
    "@description('Prefix added to every resource name.')",
    "param namePrefix string = ''",
  ].join('\n');
  return `${[head, ...resources.map(renderResource), ...(outputs.length ? [outputs.join('\n')] : [])].join('\n\n')}\n`;
}
