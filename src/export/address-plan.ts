/** The address plan as Markdown (for wikis and reviews) and CSV (for spreadsheets). */
import { clusterAddressing, formatCount, type Design, type Plan } from '../core/index';

const num = formatCount;

/**
 * Markdown text from design names: characters Markdown would read as markup (tables, links, code, emphasis,
 * HTML) are backslash-escaped and line breaks flattened, so a name can only ever show as itself.
 */
function cell(text: string): string {
  return text.replace(/[\\`*[\]<>|]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

export function exportMarkdown(design: Design, plan: Plan): string {
  const out: string[] = ['# Address plan', ''];
  for (const v of design.vnets) {
    const vp = plan.vnets[v.id];
    out.push(
      `## VNet ${cell(v.name)}`,
      '',
      `Address spaces: ${v.addressSpaces.map(cell).join(', ')}${vp ? ` (${num(vp.total)} addresses, ${num(vp.allocated)} in subnets)` : ''}`,
      '',
    );
    if (v.subnets.length === 0) {
      out.push('No subnets.', '');
      continue;
    }
    out.push(
      '| Subnet | CIDR | Size | Total | Reserved | Used | Free | Use | Consumers |',
      '|---|---|---|---:|---:|---:|---:|---:|---|',
    );
    for (const s of v.subnets) {
      const p = plan.subnets[s.id];
      if (!p) continue;
      const consumers =
        p.items.map((i) => `${cell(i.label)}: ${num(i.count)} (${cell(i.formula)})`).join('<br>') || '-';
      out.push(
        `| ${cell(s.name)} | ${cell(p.cidr ?? s.cidr)} | ${p.prefixLength === null ? '-' : `/${p.prefixLength}`} | ${num(p.total)} | ${p.reserved} | ${num(p.used)} | ${num(p.free)} | ${(p.utilisation * 100).toFixed(1)}% | ${consumers} |`,
      );
    }
    out.push('');
  }
  for (const c of design.clusters) {
    const cp = plan.clusters[c.id];
    if (!cp) continue;
    out.push(
      `## Cluster ${cell(c.name)}`,
      '',
      `Network model: ${cp.model}; peak nodes ${num(cp.peakNodes)}; service CIDR ${cell(c.serviceCidr)}${cp.serviceCidrSize ? ` (${num(cp.serviceCidrSize)} addresses)` : ''}, DNS ${cell(c.dnsServiceIp)}`,
    );
    if (cp.podCidrCapacityNodes !== undefined)
      out.push(
        '',
        `Pod CIDR ${cell(clusterAddressing(c).podCidr)}: room for ${num(cp.podCidrCapacityNodes)} nodes at one /24 each`,
      );
    out.push(
      '',
      '| Pool | Max nodes | Surge | Peak | Max pods | Node IPs | Pod IPs |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const p of cp.pools)
      out.push(
        `| ${cell(p.name)} | ${p.maxNodes} | ${p.surge} | ${p.peakNodes} | ${p.maxPods} | ${num(p.nodeIps)} | ${num(p.podIps)} |`,
      );
    out.push('');
  }
  out.push('## Findings', '');
  if (plan.findings.length === 0) out.push('None.');
  for (const f of plan.findings)
    out.push(`- **${f.severity}** \`${f.rule}\`: ${cell(f.message)} ([Learn](${f.learnUrl}))`);
  return `${out.join('\n')}\n`;
}

/**
 * RFC 4180 field; a cell a spreadsheet would read as a formula (= + - @, tab, carriage return) is prefixed
 * with a quote so opening the file can never run one.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per VNet (its address spaces, how much of them subnets take) and one per subnet (its consumption),
 * each with the findings about it. Findings about clusters and pools are in the Markdown plan.
 */
export function exportCsv(design: Design, plan: Plan): string {
  const rows: (string | number)[][] = [
    [
      'kind',
      'vnet',
      'subnet',
      'cidr',
      'prefix',
      'total',
      'reserved',
      'used',
      'free',
      'utilisation',
      'consumers',
      'findings',
    ],
  ];
  const findingsOf = new Map<string, string[]>();
  for (const f of plan.findings)
    findingsOf.set(f.subjectId, [...(findingsOf.get(f.subjectId) ?? []), `${f.severity} ${f.rule}: ${f.message}`]);
  const findings = (id: string) => (findingsOf.get(id) ?? []).join('; ');
  for (const v of design.vnets) {
    const vp = plan.vnets[v.id];
    const total = vp?.total ?? 0;
    const allocated = vp?.allocated ?? 0;
    rows.push([
      'vnet',
      v.name,
      '',
      v.addressSpaces.join(' '),
      '',
      total,
      '',
      allocated,
      total - allocated,
      total > 0 ? (allocated / total).toFixed(4) : '',
      '',
      findings(v.id),
    ]);
    for (const s of v.subnets) {
      const p = plan.subnets[s.id];
      if (!p) continue;
      rows.push([
        'subnet',
        v.name,
        s.name,
        p.cidr ?? s.cidr,
        p.prefixLength ?? '',
        p.total,
        p.reserved,
        p.used,
        p.free,
        p.utilisation.toFixed(4),
        p.items.map((i) => `${i.label}: ${i.count}`).join('; '),
        findings(s.id),
      ]);
    }
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
