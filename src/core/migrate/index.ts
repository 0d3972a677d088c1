/** Network migrations of a cluster: kubenet or Azure CNI (node subnet) to Overlay, and the dataplane to Cilium. */
export { applyMigration, planMigration } from './plan-migration';
export { MIGRATION_PRECONDITIONS, MIGRATE_URL, modelName } from './preconditions';
export type { AnyPrecondition, Precondition } from './preconditions';
export { MIGRATION_AZ_FLAGS, RESOURCE_GROUP } from './commands';
export { choosePodCidr } from './design';
export * from './types';
