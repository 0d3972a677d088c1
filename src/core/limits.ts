/**
 * Azure's documented limits on the counts a design holds. The design file refuses or warns past them, and the
 * planning core never lists more items than a deployable design can have, so no input makes a plan unbounded.
 * AKS: https://learn.microsoft.com/azure/aks/quotas-skus-regions ("Service quotas and limits")
 */
export const AKS_QUOTAS_URL = 'https://learn.microsoft.com/azure/aks/quotas-skus-regions';

/** "Maximum nodes per node pool (Virtual Machine Scale Sets node pools): 1000". */
export const MAX_NODES_PER_POOL = 1000;
/** "Maximum nodes per cluster with Virtual Machine Scale Sets and Standard Load Balancer SKU: 5000 across all node pools". */
export const MAX_NODES_PER_CLUSTER = 5000;
/** "Maximum node pools per cluster: 100". */
export const MAX_POOLS_PER_CLUSTER = 100;
/** "Maximum pods per node": 250 with kubenet and with Azure CNI (Windows pools are recommended at most 110). */
export const MAX_PODS_PER_NODE = 250;
/**
 * A surge count adds that many nodes to the pool during an upgrade, so it can never usefully exceed the nodes a
 * pool may hold. https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling
 */
export const MAX_SURGE_COUNT = MAX_NODES_PER_POOL;

/**
 * "You can specify up to 200 authorized IP ranges. To go beyond this limit, consider using API Server VNet
 * Integration, which supports up to 2,000 authorized IP ranges."
 * https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges
 */
export const AUTHORIZED_IP_RANGES_URL = 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges';
export const MAX_AUTHORIZED_IP_RANGES = 200;
export const MAX_AUTHORIZED_IP_RANGES_VNET_INTEGRATION = 2000;

/**
 * Most node addresses the core lists for one subnet (kubenet routes, trace endpoints). A cluster holds at most
 * 5,000 nodes, and kubenet's route table stops at 400, so a longer list would never describe a deployable
 * design; it would only let an absurd count (a surge of 999999 on a /8) make planning take seconds.
 */
export const MAX_LISTED_NODE_IPS = MAX_NODES_PER_CLUSTER;
