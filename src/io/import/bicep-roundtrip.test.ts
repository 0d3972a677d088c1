import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, emptyDesign } from '../../core/index';
import { exportBicep } from '../../export/bicep';
import { example, exampleNames } from '../../export/test-support';
import { designArbitrary } from '../../../test/fuzz-designs';
import { designSchema } from '../schema';
import { importBicep } from './bicep';
import { bicepParser, carried, NOT_CARRIED } from './bicep-support/test-support';

const parser = await bicepParser();

describe('Bicep round trip: export, import, same design', () => {
  it.each(exampleNames())('%s comes back as it was, except what the export cannot carry', (name) => {
    const { design, plan } = example(name);
    const r = importBicep(exportBicep(design, plan), parser);
    expect(r.design).not.toBeNull();
    expect(designSchema.safeParse(r.design).success).toBe(true);
    expect(carried(r.design!)).toEqual(carried(design, true));
    expect(r.items.filter((i) => i.status === 'unresolved')).toEqual([]);
  });

  it('names what the export cannot carry', () => {
    expect(NOT_CARRIED).toContain('load balancers (Kubernetes Services: the k8s export writes them)');
  });

  it('generated designs come back the same (fast-check)', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const r = importBicep(exportBicep(design, computePlan(design)), parser);
        // A design with no resources exports a file with none: nothing to read, so no design.
        expect(carried(r.design ?? emptyDesign(design.location))).toEqual(carried(design, true));
      }),
      { numRuns: Number(process.env.RT_RUNS ?? 40), seed: Number(process.env.RT_SEED ?? 20261202) },
    );
  });
});
