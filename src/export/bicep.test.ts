import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../core/ipam/test-design';
import { computePlan, type Design } from '../core/index';
import { API_VERSIONS } from './bicep-api-versions';
import { exportBicep } from './bicep';
import { bicepSyntaxProblems } from '../../cli/bicep-syntax';
import { bstr } from './bicep-writer';
import { featureDesign, makeHostile } from './test-feature-design';
import { example, exampleNames } from './test-support';

/** Our own semantic checks: one declaration per symbol, every reference declared, types and versions from the table. */
function semanticProblems(text: string): string[] {
  const problems: string[] = [];
  const declared = new Map<string, number>();
  for (const m of text.matchAll(/^(?:resource|param|var) ([A-Za-z_][A-Za-z0-9_]*) /gm))
    declared.set(m[1]!, (declared.get(m[1]!) ?? 0) + 1);
  for (const [s, n] of declared) if (n > 1) problems.push(`${s} declared ${n} times`);
  for (const m of text.matchAll(/^resource \S+ '([^@']+)@([^']+)'/gm)) {
    const want = (API_VERSIONS as Record<string, string>)[m[1]!];
    if (want !== m[2]) problems.push(`${m[1]}@${m[2]} is not the table's version ${want}`);
  }
  // Symbol references outside string literals: x.id, x.name, x.properties, parent: x, dependsOn entries.
  const code = text.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\.(?:id|name|properties|identity)\b/g))
    if (!declared.has(m[1]!)) problems.push(`undeclared ${m[1]}`);
  // A bare symbol on its own line is a dependsOn entry.
  for (const m of code.matchAll(/^\s+([A-Za-z_][A-Za-z0-9_]*)$/gm))
    if (!declared.has(m[1]!)) problems.push(`undeclared dependency ${m[1]}`);
  for (const m of code.matchAll(/parent: ([A-Za-z_][A-Za-z0-9_]*)/g))
    if (!declared.has(m[1]!)) problems.push(`undeclared parent ${m[1]}`);
  return problems;
}

describe('Bicep export', () => {
  it.each(exampleNames())('%s parses with the Bicep grammar and passes the semantic checks', async (name) => {
    const { design, plan } = example(name);
    const text = exportBicep(design, plan);
    expect(await bicepSyntaxProblems(text)).toEqual([]);
    expect(semanticProblems(text)).toEqual([]);
  });

  it('writes every modelled element: grammar, semantics and the networking properties', async () => {
    const d = featureDesign();
    const text = exportBicep(d, computePlan(d));
    expect(await bicepSyntaxProblems(text)).toEqual([]);
    expect(semanticProblems(text)).toEqual([]);
    // API server VNet integration and static block pod IPs need the 2025-10-01 managedClusters API.
    expect(text).toContain("resource aks_overlay 'Microsoft.ContainerService/managedClusters@2025-10-01'");
    expect(text).toContain('enableVnetIntegration: true\n      subnetId: vnet_spoke_snet_apiserver.id');
    expect(text.match(/podIPAllocationMode: 'StaticBlock'/g)?.length).toBe(2);
    // DNAT goes first, then the egress group that waits for it; the firewall waits for the last group.
    expect(text).toContain("name: 'dnat'\n  properties: {\n    priority: 100");
    expect(text).toMatch(
      /name: 'aks-cni-egress'\n {2}properties: \{\n {4}priority: 200[\s\S]*?dependsOn: \[\n {4}fwpol_fw_hub_dnat\n {2}\]/,
    );
    expect(text).toMatch(/destinationAddresses: \[\n\s+pip_fw\.properties\.ipAddress\n\s+\]/);
    // WAF_v2 gateways reference their WAF policy.
    expect(text).toMatch(
      /resource waf_agw_spoke 'Microsoft\.Network\/ApplicationGatewayWebApplicationFirewallPolicies@2024-05-01'[\s\S]*firewallPolicy: \{\n\s+id: waf_agw_spoke\.id/,
    );
    expect(text).toContain(
      "roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4d97b98b-1d4f-4787-a291-c67834d212e7')",
    );
  });

  it('a design whose every name is hostile still parses, every string escaped', async () => {
    const d = featureDesign();
    makeHostile(d);
    const text = exportBicep(d, computePlan(d));
    expect(await bicepSyntaxProblems(text)).toEqual([]);
    expect(semanticProblems(text)).toEqual([]);
    // No interpolation sneaks in: outside comments, every ${ is the namePrefix parameter or escaped.
    const code = text.replace(/^\s*\/\/.*$/gm, '');
    expect([...code.matchAll(/(?<!\\)\$\{(\w*)/g)].map((m) => m[1]).filter((p) => p !== 'namePrefix')).toEqual([]);
  });

  it('the grammar check does catch a broken file', async () => {
    expect((await bicepSyntaxProblems("param x string = 'a\nresource")).length).toBeGreaterThan(0);
  });

  it('escapes quotes, backslashes, interpolation and newlines in strings', async () => {
    expect(bstr("it's ${x}\\\n")).toBe("'it\\'s \\${x}\\\\\\n'");
    const d = oneClusterDesign({});
    d.vnets[0]!.subnets[0]!.name = "snet'${evil}\n";
    const text = exportBicep(d, computePlan(d));
    expect(await bicepSyntaxProblems(text)).toEqual([]);
    expect(text).toContain("name: 'snet\\'\\${evil}\\n'");
  });

  it('is deterministic: a deep copy with every object key in reverse order exports the same text', () => {
    const { design, plan } = example('aks-baseline');
    // Lists keep their order (it means something); object keys do not, so the export must not depend on them.
    const reorder = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reorder)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reorder(x)]),
            )
          : v;
    const copy = reorder(design) as Design;
    expect(Object.keys(copy)).toEqual(Object.keys(design).reverse());
    expect(copy).not.toBe(design);
    expect(exportBicep(copy, computePlan(copy))).toBe(exportBicep(design, plan));
  });
});
