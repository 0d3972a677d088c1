/** Test helper: the workloads the NetworkPolicy tests put pods of into their worlds. */
import type { ContainerPort, Workload } from './types';

/** The pods of Deployment `name` with `labels`, in `namespace`, listening on `ports`. */
export const pod = (name: string, labels: Record<string, string>, namespace = 'default', ports: ContainerPort[] = []) =>
  ({ kind: 'Deployment', name, namespace, labels, ports }) satisfies Workload;
