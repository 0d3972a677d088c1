import { describe, expect, it } from 'vitest';
import type { Design, Finding, Plan } from '../src/core/index';
import { makeMinimalDocument } from '../src/io/test-support';
import { makeValidateCommand } from './commands/validate';
import { collect, example, run, writeTemp } from './test-support';

const LEARN = 'https://learn.microsoft.com/azure/aks/configure-kubenet';

function planWith(findings: Finding[]) {
  return (_design: Design): Plan => ({ subnets: {}, vnets: {}, clusters: {}, overlaps: [], findings });
}

const minimalFile = () => writeTemp('minimal.json', makeMinimalDocument());

describe('aksnet validate', () => {
  it('prints one line per finding, errors first, with the subject name; exits 1 when an error exists', async () => {
    const io = collect();
    const validate = makeValidateCommand(
      planWith([
        { rule: 'pool-name', severity: 'warning', subjectId: 'pool1', message: 'name is long', learnUrl: LEARN },
        {
          rule: 'subnet-too-small',
          severity: 'error',
          subjectId: 'snet1',
          message: 'needs 300, has 251',
          learnUrl: LEARN,
        },
        {
          rule: 'kubenet-note',
          severity: 'info',
          subjectId: 'gone',
          message: 'about an id the design lacks',
          learnUrl: LEARN,
        },
      ]),
    );
    const file = minimalFile();
    expect(await validate([file], io)).toBe(1);
    expect(io.stdout()).toBe(
      [
        'error subnet-too-small snet-nodes: needs 300, has 251',
        'warning pool-name aks-app/system: name is long',
        'info kubenet-note gone: about an id the design lacks',
        '',
      ].join('\n'),
    );
    expect(io.stderr()).toBe(`${file}: 1 error, 1 warning, 1 info\n`);
  });

  it('exits 0 when there are only warnings', async () => {
    const io = collect();
    const validate = makeValidateCommand(
      planWith([{ rule: 'r', severity: 'warning', subjectId: 'vnet1', message: 'm', learnUrl: LEARN }]),
    );
    expect(await validate([minimalFile()], io)).toBe(0);
    expect(io.stdout()).toBe('warning r vnet-app: m\n');
  });

  it('keeps each finding on one line even when a name holds a newline', async () => {
    const doc = makeMinimalDocument();
    doc.design.vnets[0]!.name = 'evil\nerror fake-rule x: y';
    const io = collect();
    const validate = makeValidateCommand(
      planWith([{ rule: 'r', severity: 'warning', subjectId: 'vnet1', message: 'm', learnUrl: LEARN }]),
    );
    expect(await validate([writeTemp('evil.json', doc)], io)).toBe(0);
    expect(io.stdout()).toBe('warning r evil\\nerror fake-rule x: y: m\n');
  });

  it('--json prints the findings with subject names and the counts', async () => {
    const io = collect();
    const finding: Finding = { rule: 'r', severity: 'error', subjectId: 'aks1', message: 'm', learnUrl: LEARN };
    expect(await makeValidateCommand(planWith([finding]))([minimalFile(), '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout())).toEqual({
      findings: [{ ...finding, subjectName: 'aks-app' }],
      counts: { error: 1, warning: 0, info: 0 },
    });
  });

  it('exits 1 on a design with an error finding from the real planner (a CIDR that cannot parse)', async () => {
    const doc = makeMinimalDocument();
    doc.design.vnets[0]!.subnets[0]!.cidr = '10.10.0.0/33';
    const io = await run(['validate', writeTemp('invalid-cidr.json', doc)], 1);
    expect(io.stdout).toMatch(/^error invalid-cidr snet-nodes: /m);
  });

  it('exits 2 with the field path when a reference points nowhere', async () => {
    const doc = makeMinimalDocument();
    doc.design.clusters[0]!.nodePools[0]!.nodeSubnetId = 'missing';
    const file = writeTemp('dangling.json', doc);
    const io = await run(['validate', file], 2);
    expect(io.stderr).toBe(
      `aksnet: ${file}: design.clusters[0].nodePools[0].nodeSubnetId: refers to subnet "missing", which does not exist in this design\n`,
    );
  });

  it('prints load warnings and still validates', async () => {
    const raw = JSON.parse(JSON.stringify(makeMinimalDocument())) as { design: { vnets: Record<string, unknown>[] } };
    raw.design.vnets[0]!.colour = 'blue';
    const file = writeTemp('unknown-field.json', raw);
    const io = collect();
    expect(await makeValidateCommand(planWith([]))([file], io)).toBe(0);
    expect(io.stderr()).toBe(
      `aksnet: ${file}: warning: design.vnets[0].colour: unknown field ignored\n${file}: 0 errors, 0 warnings, 0 info\n`,
    );
  });

  it('prints the family beside a split rule id, so grep for the family still finds it', async () => {
    const broken = example('broken.json');
    const io = await run(['validate', broken], 1);
    const lines = io.stdout.split('\n');
    expect(lines).toContain(
      'error special-subnet-name (special-subnet) snet-firewall: a firewall subnet must be named AzureFirewallSubnet (is snet-firewall)',
    );
    expect(lines.filter((l) => l.includes('special-subnet')).map((l) => l.split(' ')[1])).toEqual([
      'special-subnet-name',
      'special-subnet-size',
    ]);
    // A rule that was not split prints no family.
    expect(lines).toContainEqual(expect.stringMatching(/^error subnet-overlap snet-overlap: /));
  });
});
