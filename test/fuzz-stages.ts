/**
 * One generated design through every stage the app and the CLI run: load (the file path), the plan, the effective
 * routes of every subnet and a next hop from each, every trace (egress of each pool to the internet and to an
 * address of each VNet and on-premises site, ingress of each pool) and every exporter, with each stage timed.
 * Checks on the output: the YAML parses back, the Bicep parses with the tree-sitter grammar; the az script is kept
 * for the batched shell checks (fuzz-shell.ts). A stage that throws is reported with its name.
 */
import { parseAllDocuments } from 'yaml';
import {
  computePlan,
  effectiveRoutes,
  nextHop,
  traceEgress,
  traceIngress,
  type Design,
  type Plan,
} from '../src/core/index';
import { EXPORT_FORMATS, exportAs } from '../src/export';
import { loadDocument, serializeDocument } from '../src/io';
import { bicepSyntaxProblems } from '../cli/bicep-syntax';

export type Stage = 'load' | 'plan' | 'routes' | 'traces' | 'export' | 'yaml' | 'bicep';

export interface StageResult {
  /** Milliseconds per stage. */
  ms: Partial<Record<Stage, number>>;
  /** Whether the design loaded (a near-valid design is refused with messages, which is a correct outcome). */
  loaded: boolean;
  /** Problems: a stage that threw, or output that does not parse. */
  problems: string[];
  /** The az script, for the shell checks. */
  script?: string;
}

/** Runs `fn`, recording its time under `stage` and any exception as a problem. */
function timed<T>(r: StageResult, stage: Stage, fn: () => T): T | undefined {
  const t = performance.now();
  try {
    return fn();
  } catch (e) {
    r.problems.push(`${stage} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return undefined;
  } finally {
    r.ms[stage] = (r.ms[stage] ?? 0) + performance.now() - t;
  }
}

function documentOf(design: Design): unknown {
  return { format: 'aks-network-design', schemaVersion: 1, meta: { name: 'fuzz' }, design, layout: { nodes: {} } };
}

function routesAndTraces(r: StageResult, design: Design, plan: Plan): void {
  const subnets = design.vnets.flatMap((v) => v.subnets);
  // Destinations: the internet probe, an address in each VNet's first space and each on-premises prefix.
  const targets = [
    ...design.vnets.map((v) => v.addressSpaces[0]?.split('/')[0]),
    ...design.onPremSites.map((s) => s.addressPrefixes[0]?.split('/')[0]),
  ].filter((x): x is string => !!x);
  timed(r, 'routes', () => {
    for (const s of subnets) {
      effectiveRoutes(design, s.id, plan);
      for (const ip of ['8.8.8.8', ...targets]) nextHop(design, s.id, ip, plan);
    }
  });
  timed(r, 'traces', () => {
    for (const c of design.clusters)
      for (const p of c.nodePools) {
        traceEgress(design, plan, p.id, 'internet');
        for (const ip of targets) traceEgress(design, plan, p.id, ip);
        traceIngress(design, plan, p.id);
      }
    for (const s of subnets) traceEgress(design, plan, s.id, 'internet');
  });
}

function checkOutputs(r: StageResult, texts: Map<string, string>): Promise<void> | undefined {
  const yamlText = texts.get('k8s');
  if (yamlText !== undefined)
    timed(r, 'yaml', () => {
      for (const doc of parseAllDocuments(yamlText)) {
        if ('errors' in doc && doc.errors.length > 0) r.problems.push(`yaml does not parse: ${doc.errors[0]!.message}`);
      }
    });
  const script = texts.get('az');
  if (script !== undefined) r.script = script;
  const bicep = texts.get('bicep');
  if (bicep === undefined) return undefined;
  const t = performance.now();
  return bicepSyntaxProblems(bicep).then(
    (problems) => {
      r.ms.bicep = performance.now() - t;
      if (problems.length > 0) r.problems.push(`bicep does not parse: ${JSON.stringify(problems.slice(0, 3))}`);
    },
    (e: unknown) => void r.problems.push(`bicep parser threw: ${String(e)}`),
  );
}

/** Loads the Bicep grammar once, so its start-up is not counted as the first design's parse time. */
export async function warmUp(): Promise<void> {
  await bicepSyntaxProblems('');
}

/** Every stage for one design. */
export async function runStages(generated: Design): Promise<StageResult> {
  const r: StageResult = { ms: {}, loaded: false, problems: [] };
  const loaded = timed(r, 'load', () => loadDocument(JSON.stringify(documentOf(generated))));
  // A refused design still goes through the core as generated: the store can hold what a file cannot.
  let design = generated;
  if (loaded?.ok) {
    r.loaded = true;
    design = loaded.doc.design;
    timed(r, 'load', () => {
      const again = loadDocument(serializeDocument(loaded.doc));
      if (!again.ok) r.problems.push(`a saved design does not load back: ${again.errors[0]!.message}`);
    });
  }
  const plan = timed(r, 'plan', () => computePlan(design));
  if (!plan) return r;
  routesAndTraces(r, design, plan);
  const texts = new Map<string, string>();
  timed(r, 'export', () => {
    for (const f of EXPORT_FORMATS) texts.set(f.id, exportAs(f.id, design, plan));
  });
  await checkOutputs(r, texts);
  return r;
}
