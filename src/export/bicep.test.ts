import { describe, expect, it } from 'vitest';
import { oneClusterDesign } from '../core/ipam/test-design';
import { computePlan } from '../core/plan';
import { API_VERSIONS } from './bicep-api-versions';
import { exportBicep } from './bicep';
import { bicepSyntaxProblems } from '../../cli/bicep-syntax';
import { bstr } from './bicep-writer';
import { example, exampleNames } from './test-support';

/** Our own semantic checks: one declaration per symbol, every reference declared, types and versions from the table. */
function semanticProblems(text: string): string[] {
  const problems: string[] = [];
  const declared = new Map<string, number>();
  for (const m of text.matchAll(/^(?:resource|param|var) ([A-Za-z_][A-Za-z0-9_]*) /gm)) declared.set(m[1]!, (declared.get(m[1]!) ?? 0) + 1);
  for (const [s, n] of declared) if (n > 1) problems.push(`${s} declared ${n} times`);
  for (const m of text.matchAll(/^resource \S+ '([^@']+)@([^']+)'/gm)) {
    const want = (API_VERSIONS as Record<string, string>)[m[1]!];
    if (want !== m[2]) problems.push(`${m[1]}@${m[2]} is not the table's version ${want}`);
  }
  // Symbol references outside string literals: x.id, x.name, x.properties, parent: x, dependsOn entries.
  const code = text.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  for (const m of code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\.(?:id|name|properties)\b/g)) if (!declared.has(m[1]!)) problems.push(`undeclared ${m[1]}`);
  for (const m of code.matchAll(/parent: ([A-Za-z_][A-Za-z0-9_]*)/g)) if (!declared.has(m[1]!)) problems.push(`undeclared parent ${m[1]}`);
  return problems;
}

describe('Bicep export', () => {
  it.each(exampleNames())('%s parses with the Bicep grammar and passes the semantic checks', async (name) => {
    const { design, plan } = example(name);
    const text = exportBicep(design, plan);
    expect(await bicepSyntaxProblems(text)).toEqual([]);
    expect(semanticProblems(text)).toEqual([]);
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

  it('is deterministic', () => {
    const { design, plan } = example('aks-baseline');
    expect(exportBicep(design, plan)).toBe(exportBicep(design, plan));
  });
});
