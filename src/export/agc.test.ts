import { describe, expect, it } from 'vitest';
import { computePlan } from '../core/index';
import { azCommands } from './az-cli';
import type { AzCommand } from './az-model';
import { exportBicep } from './bicep';
import { featureDesign } from './test-feature-design';

describe('Application Gateway for Containers exports', () => {
  it('az: the alb extension up front, then the gateway, its association with the subnet id and each frontend', () => {
    const isAlb = (c: AzCommand) =>
      c.path.join(' ').startsWith('network alb') ||
      (c.path.join(' ') === 'extension add' && JSON.stringify(c.flags).includes('"alb"'));
    const cmds = azCommands(featureDesign()).filter(isAlb);
    const flags = (i: number) => cmds[i]!.flags.map((f) => f.flag);
    expect(cmds.map((c) => c.path.join(' '))).toEqual([
      'extension add',
      'network alb create',
      'network alb association create',
      'network alb frontend create',
    ]);
    expect(flags(1)).toEqual(['--resource-group', '--name', '--location']);
    expect(flags(2)).toEqual([
      '--resource-group',
      '--name',
      '--alb-name',
      '--location',
      '--association-type',
      '--subnet',
    ]);
    const subnet = cmds[2]!.flags.find((f) => f.flag === '--subnet')!.values[0]!;
    expect(JSON.stringify(subnet)).toContain('/subnets/snet-agc');
    expect(flags(3)).toEqual(['--resource-group', '--name', '--alb-name', '--location']);
  });

  it('az: no extension and no alb commands without a gateway', () => {
    const d = featureDesign();
    d.appGatewaysForContainers = [];
    expect(azCommands(d).some((c) => c.path[1] === 'alb' || JSON.stringify(c.flags).includes('"alb"'))).toBe(false);
  });

  it('Bicep: trafficControllers and its association and frontend as child resources, API 2025-01-01', () => {
    const d = featureDesign();
    const text = exportBicep(d, computePlan(d));
    expect(text).toContain("resource agc_spoke 'Microsoft.ServiceNetworking/trafficControllers@2025-01-01' = {");
    const assoc = text.slice(text.indexOf("'Microsoft.ServiceNetworking/trafficControllers/associations@2025-01-01'"));
    expect(assoc).toMatch(/^[^}]*parent: agc_spoke\n\s*name: 'association'/);
    expect(assoc).toContain("associationType: 'subnets'");
    expect(text).toContain("'Microsoft.ServiceNetworking/trafficControllers/frontends@2025-01-01'");
  });
});
