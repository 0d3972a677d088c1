import { describe, expect, it } from 'vitest';
import { csvField, exportCsv, exportMarkdown } from './address-plan';
import { example } from './test-support';

describe('address plan', () => {
  it('guards CSV cells against formula injection and quotes per RFC 4180', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(42)).toBe('42');
    expect(csvField(-153)).toBe('-153');
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('lists every VNet and subnet with its numbers (seed-kubenet: 4 used, 247 free)', () => {
    const { design, plan } = example('seed-kubenet');
    const [header, vnet, subnet] = exportCsv(design, plan).split('\r\n');
    expect(header).toBe('kind,vnet,subnet,cidr,prefix,total,reserved,used,free,utilisation,consumers,findings');
    // 192.168.0.0/16 holds 65,536 addresses; the one /24 subnet takes 256: 65,536 − 256 = 65,280 left, 256 / 65,536 = 0.0039.
    expect(vnet).toBe('vnet,myAKSVnet,,192.168.0.0/16,,65536,,256,65280,0.0039,,');
    // 3 nodes + 1 surge node = 4 used; 256 − 5 reserved − 4 = 247 free; (4 + 5) / 256 = 0.0352.
    expect(subnet).toBe(
      'subnet,myAKSVnet,myAKSSubnet,192.168.1.0/24,24,256,5,4,247,0.0352,myAKSCluster/nodepool1 nodes (3 nodes): 3; myAKSCluster/nodepool1 upgrade surge: 1,',
    );
    expect(exportMarkdown(design, plan)).toContain('| myAKSSubnet | 192.168.1.0/24 | /24 | 256 | 5 | 4 | 247 | 3.5% |');
  });

  it('puts the findings on the row of their VNet or subnet', () => {
    const { design, plan } = example('broken');
    const rows = exportCsv(design, plan).split('\r\n');
    const typo = rows.find((r) => r.startsWith('subnet,vnet-spoke,snet-typo,'));
    expect(typo).toContain('error invalid-cidr: subnet CIDR ""10.1.300.0/24""');
  });

  it('escapes Markdown in names so a name shows as itself', () => {
    const { design, plan } = example('seed-kubenet');
    design.vnets[0]!.subnets[0]!.name = 'a|b <img src=x> [x](javascript:1) `c` *d*';
    expect(exportMarkdown(design, plan)).toContain('| a\\|b \\<img src=x\\> \\[x\\](javascript:1) \\`c\\` \\*d\\* |');
  });
});
