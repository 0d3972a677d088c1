/** The property of the fuzz test and its figures: no stage throws or exceeds its time bound, outputs parse. */
import type { Design } from '../src/core/index';
import { bashSyntaxFailures, shellcheck } from './fuzz-shell';
import { runStages, type Stage } from './fuzz-stages';

/**
 * Time bound of one stage on one design. Generated designs are small (a few VNets and clusters) and each stage
 * takes milliseconds; 2 s leaves room for a loaded 2-core machine and still catches a count-driven blow-up.
 */
export const STAGE_LIMIT_MS = 2000;

/** Figures of a run, and the az scripts kept for the shell checks at the end. */
export class FuzzStats {
  designs = 0;
  loaded = 0;
  total: Partial<Record<Stage | 'bash', number>> = {};
  slowest = { stage: '', ms: 0 };
  shellchecked = 0;
  private scripts: { script: string; design: string }[] = [];

  /** `sampleEvery`: one az script in that many goes through shellcheck. */
  constructor(readonly sampleEvery: number) {}

  /** The property: resolves when every stage ran within its bound and every output parses; throws otherwise. */
  async check(design: Design): Promise<boolean> {
    const r = await runStages(design);
    this.designs++;
    if (r.loaded) this.loaded++;
    for (const [stage, ms] of Object.entries(r.ms) as [Stage, number][]) {
      this.total[stage] = (this.total[stage] ?? 0) + ms;
      if (ms > this.slowest.ms) this.slowest = { stage, ms };
      if (ms > STAGE_LIMIT_MS) r.problems.push(`${stage} took ${ms.toFixed(0)} ms, over ${STAGE_LIMIT_MS} ms`);
    }
    if (r.problems.length > 0) throw new Error(r.problems.join('\n'));
    if (r.script !== undefined) this.scripts.push({ script: r.script, design: JSON.stringify(design) });
    return true;
  }

  /** `bash -n` on every kept script, shellcheck on a sample; each problem names the design it came from. */
  shellProblems(): string[] {
    const t = performance.now();
    const problems = bashSyntaxFailures(this.scripts.map((s) => s.script)).map(
      (f) => `bash -n: ${f.message}\ndesign: ${this.scripts[f.index]!.design}`,
    );
    for (let i = 0; i < this.scripts.length; i += this.sampleEvery) {
      this.shellchecked++;
      const found = shellcheck(this.scripts[i]!.script);
      if (found) problems.push(`shellcheck: ${found.slice(0, 800)}\ndesign: ${this.scripts[i]!.design}`);
    }
    this.total.bash = performance.now() - t;
    return problems;
  }

  report(seconds: string): string {
    const stages = Object.entries(this.total)
      .map(([s, ms]) => `${s} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
    return [
      `fuzz: ${this.designs} designs (${this.loaded} loaded, ${this.designs - this.loaded} refused with messages) in ${seconds} s`,
      `fuzz: time per stage, all designs: ${stages}`,
      `fuzz: slowest stage on one design: ${this.slowest.stage} ${this.slowest.ms.toFixed(0)} ms (bound ${STAGE_LIMIT_MS} ms)`,
      `fuzz: bash -n on ${this.scripts.length} az scripts, shellcheck on ${this.shellchecked} of them`,
    ].join('\n');
  }
}
