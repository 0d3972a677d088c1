/** Each export format on the enterprise design at 1x: median time over repeated runs. Goal: under 20 ms each. */
import { computePlan } from '../src/core/plan';
import { EXPORT_FORMATS, exportAs } from '../src/export';
import { makeEnterpriseDesign } from './make-enterprise-design';

export async function run(): Promise<string> {
  const design = makeEnterpriseDesign(1);
  const plan = computePlan(design);
  const lines: string[] = [];
  for (const f of EXPORT_FORMATS) {
    let size = 0;
    const samples: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      size = exportAs(f.id, design, plan).length;
      if (i >= 5) samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const med = samples[Math.floor(samples.length / 2)]!;
    lines.push(`  ${f.id.padEnd(5)} median ${med.toFixed(2)} ms (${(size / 1024).toFixed(0)} KB) ${med < 20 ? 'goal met' : 'OVER the 20 ms goal'}`);
  }
  return lines.join('\n');
}
