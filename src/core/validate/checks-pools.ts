/** Node pool counts Azure refuses: autoscaler bounds the wrong way round, and a System pool without nodes. */
import { defineRule, type AnyRule } from './rule';

const AUTOSCALER = 'https://learn.microsoft.com/azure/aks/cluster-autoscaler';
const SYSTEM_POOLS = 'https://learn.microsoft.com/azure/aks/use-system-pools';

export const POOL_RULES: readonly AnyRule[] = [
  defineRule<{ pool: string; min: number; max: number }>({
    id: 'autoscale-min-max',
    severity: 'error',
    summary: 'The cluster autoscaler scales a pool between its min and max count: min is at most max.',
    learnUrl: AUTOSCALER,
    message: (p) => `${p.pool}: autoscaler min ${p.min} is above max ${p.max}; the min count must not exceed the max`,
    check: ({ design }, report) => {
      for (const c of design.clusters)
        for (const pool of c.nodePools) {
          const a = pool.autoscale;
          if (a && a.min > a.max) report(pool.id, { pool: pool.name, min: a.min, max: a.max });
        }
    },
  }),
  defineRule<{ pool: string; nodes: number; what: string }>({
    id: 'system-pool-min-nodes',
    severity: 'error',
    // use-system-pools: user pools may have zero nodes, System pools may not; the page asks two nodes for a
    // production cluster with a single System pool (older versions of it said one). Zero fails at deploy, so it
    // is the error; the message gives the production figure.
    summary: 'A System node pool has at least one node (user pools may scale to zero).',
    learnUrl: SYSTEM_POOLS,
    message: (p) =>
      `System node pool ${p.pool} has ${p.nodes} nodes (${p.what}); a System pool needs at least 1, and Learn asks 2 for a production cluster with one System pool`,
    check: ({ design }, report) => {
      for (const c of design.clusters)
        for (const pool of c.nodePools) {
          if (pool.mode !== 'System') continue;
          const nodes = pool.autoscale ? pool.autoscale.min : pool.count;
          const what = pool.autoscale ? `autoscaler min ${pool.autoscale.min}` : `count ${pool.count}`;
          if (nodes < 1) report(pool.id, { pool: pool.name, nodes, what });
        }
    },
  }),
];
