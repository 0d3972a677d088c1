import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../src/io';
import { example, run, writeTemp } from './test-support';

const EGRESS = example('lessons/egress-firewall.json');

describe('aksnet lesson', () => {
  it('lists the steps, marking the exercises and their checks', async () => {
    const { stdout: out } = await run(['lesson', EGRESS], 0);
    expect(out).toMatch(/^Outbound types and egress through Azure Firewall\n/);
    expect(out).toContain('5. Break it: the default route is gone  [break it]');
    expect(out).toContain('   fault: udr-no-default-route on aks');
    expect(out).toContain(
      '   check: no udr-missing-default-route finding on snet-aks; pool-system → internet delivered',
    );
  });

  it('prints one step in full with its hints', async () => {
    const { stdout } = await run(['lesson', EGRESS, '--step', '5'], 0);
    expect(stdout).toContain("   hint 3: The next hop address is the firewall's private IP, 10.100.0.4.");
    expect(stdout).toContain('   learn: https://learn.microsoft.com/azure/aks/egress-udr');
  });

  it('writes the broken design of an exercise, grades it NOT YET (1), and PASSED (0) once repaired', async () => {
    const broken = writeTemp('step5.json', '');
    await run(['lesson', EGRESS, '--step', '5', '-o', broken], 0);
    const doc = loadDocument(readFileSync(broken, 'utf8'));
    if (!doc.ok) throw new Error('written design does not load');
    expect(doc.doc.design.routeTables[0]!.routes).toEqual([]);
    const fail = await run(['lesson', EGRESS, '--step', '5', '--check', broken], 1);
    expect(fail.stdout).toMatch(
      /^NOT YET: step 5, Break it: the default route is gone\n {2}1 udr-missing-default-route finding\(s\) remain on snet-aks/,
    );
    // The student's repair: the default route back to the firewall's private IP.
    doc.doc.design.routeTables[0]!.routes.push({
      id: 'r1',
      name: 'default-to-firewall',
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: '10.100.0.4',
    });
    const fixed = writeTemp('step5-fixed.json', doc.doc);
    const pass = await run(['lesson', EGRESS, '--step', '5', '--check', fixed], 0);
    expect(pass.stdout).toContain('PASSED: step 5');
  });

  it('refuses a bad lesson file, a step out of range and a check without a step; exit 2', async () => {
    const bad = writeTemp('bad-lesson.json', { format: 'aksnet-lesson', schemaVersion: 1, lesson: { id: 'x' } });
    expect((await run(['lesson', bad], 2)).stderr).toContain('lesson.title: required field is missing');
    expect((await run(['lesson', EGRESS, '--step', '99'], 2)).stderr).toBe(
      'aksnet: --step expects a step number from 1 to 6, got 99\n',
    );
    await run(['lesson', EGRESS, '--check', EGRESS], 2);
    expect((await run(['lesson', EGRESS, '--step', '1', '--check', EGRESS], 2)).stderr).toBe(
      'aksnet: step 1 (dependencies) has no check to grade\n',
    );
  });
});
