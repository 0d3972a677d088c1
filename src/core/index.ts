/** The public surface of the planning core. */
export * from './model';
export * from './plan-types';
export * from './cidr';
export { computePlan } from './plan';
export { RULES, ruleById } from './validate/catalogue';
export type { Rule } from './validate/rule';
export type * from './paths/egress-rule-types';
export { computeAddressPlan } from './plan';
export * from './ipam/defaults';
export { nodeIpsOfPool, nodeIpsBySubnet } from './ipam/node-ips';
export { defaultNodeSubnetOf } from './ipam/consumers';
