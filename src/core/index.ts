/** The public surface of the planning core. */
export * from './model';
export * from './enums';
/** The same value lists as one object, for tables that offer many of them. */
export * as ENUMS from './enums';
export * from './plan-types';
export * from './cidr';
export { computePlan } from './plan';
export { RULES, ruleById } from './validate/catalogue';
export { APPGW_ISOLATION_FEATURE } from './validate/appgw-rules';
export { renameById } from './validate/rename';
export type { AnyRule, Rule } from './validate/rule';
export type * from './paths/egress-rule-types';
export { computeAddressPlan, computeFindings, findingsInSteps } from './plan';
export * from './ipam/defaults';
export * from './limits';
export { nodeIpsOfPool, nodeIpsBySubnet } from './ipam/node-ips';
export { defaultNodeSubnetOf } from './ipam/consumers';
export { effectiveRoutes } from './routes/effective-routes';
export { nextHop } from './routes/next-hop';
export { kubenetRoutes } from './routes/kubenet-routes';
export type * from './routes/route-types';
export { traceEgress } from './paths/egress';
export { traceIngress } from './paths/ingress';
export { aksEgressRuleSet } from './paths/egress-rules';
export type * from './paths/trace-types';
export { hopPackets, legPairs, traceLegs } from './paths/trace-legs';
export type { HopPacket, PathLeg, PathLegs, PathStop } from './paths/trace-legs';
export { FOUNDATION_RULES } from './validate/foundation-rules';
export { formatCount } from './format';
export { checkCidr, checkIp, checkInt, checkName } from './validate/fields';
export type { NameKind } from './validate/fields';
export { firewallIp } from './paths/locate';
export {
  AKS_DELEGATION,
  AGC_DELEGATION,
  SUBNET_DELEGATIONS,
  SPECIAL_SUBNETS,
  newSubnetDefaults,
  type SpecialSubnet,
} from './subnet-roles';
export { checkPortRange, checkAddressPrefix, parsePortRange } from './nsg-grammar';
export { applyFix, applyFixes } from './fix';
export { removeElement } from './remove';
export { KINDS, ELEMENT_KINDS, kindSpec } from './kinds';
export type { ElementKind, KindElements, KindSpec, RefSpec, RowSpec, LineSpec, LineRole, ParentKind } from './kinds';
export {
  walkElements,
  elementsOf,
  childKinds,
  rowsOf,
  refIds,
  valueAt,
  findElement,
  subjectName,
  designLines,
  publicIpOwners,
} from './elements';
export type { Found, FoundOf, Visit, DesignLine } from './elements';
export type * from './netpol/types';
export type * from './lesson/types';
export { NETPOL_PROTOCOLS } from './netpol/types';
export * from './netpol/conn-set';
export { evaluateFlow, evaluateDirection, policyIndex } from './netpol/engine';
export type { Peer, RuleHit, DirectionVerdict, FlowVerdict, PolicyIndex } from './netpol/engine';
export * from './netpol/matrix';
export { effectivePolicyTypes, policySelects } from './netpol/rules';
export { matchesSelector, namespaceLabels, NAMESPACE_NAME_LABEL } from './netpol/selector';
export { designIndex, byIdOf, type DesignIndex, type SubnetRef } from './design-index';
export { AGC_RULES } from './validate/agc-rules';
export { parsePolicyText, MAX_POLICY_CHARS } from './netpol/parse';
export type { ParsedPolicyText, PolicyProblem } from './netpol/parse';
export { networkPolicySchema } from './netpol/policy-schema';
export { policyWorldOf } from './netpol/design-world';
export { designExternals } from './netpol/design-externals';
export { generatePolicies, type GeneratedPolicy } from './netpol/generate';
export { manifestYaml, policyManifest, policyYaml } from './netpol/manifest';
export { explainCell, cellConns, cellLevel, matrixChanges } from './netpol/explain';
export type { MatrixView, CellExplanation, CellChange } from './netpol/explain';
export * from './migrate/index';
export { diffDesigns, FORCES } from './diff/index';
export type * from './diff/types';
export { computeCapacity, type Capacity } from './capacity';
export { computeHeadroom, perNodeIn } from './capacity/headroom';
export type { Headroom, PoolHeadroom, PoolLimit, LimitKind, SubnetHeadroom, SubnetPoolFit } from './capacity/headroom';
export {
  computePreflight,
  preflightCluster,
  azureInsufficientMessage,
  INSUFFICIENT_SUBNET_URL,
} from './capacity/preflight';
export type {
  ClusterPreflight,
  PreflightCheck,
  PreflightFix,
  PreflightFixKind,
  PreflightNumbers,
} from './capacity/preflight';
export { scaleDesign, applyPoolScales } from './whatif/scale';
export type { ScaleScope, ScaleAmount, ScaleNote, ScaleResult, PoolScale } from './whatif/scale';
export { subnetOverflows, limitOverflows, type SubnetOverflow, type LimitOverflow } from './whatif/overflow';
export {
  allocateSubnets,
  wantedAddresses,
  prefixFor,
  rolePrefix,
  APP_GATEWAY_PREFIX,
  AGC_PREFIX,
} from './allocate/allocate';
export type { AllocationNeed, AllocationInput, Allocation, Placement, Unplaced } from './allocate/allocate';
export { allocateVnet, applyAllocation, freeSpokeSpace, clusterRanges, PRIVATE_RANGES } from './allocate/vnet';
export * from './netmodels/index';
export { applyOps, locate, type Located } from './lesson/ops';
export { gradeCheck, flowTraces, flowTargetIp, flowName } from './lesson/grade';
export { lessonStepDesign, lessonDesigns, applyStep } from './lesson/steps';
export type { StepDesign, DesignValidator } from './lesson/steps';
export { FAULTS, faultById } from './lesson/faults';
export { walkFlow, walkFlows } from './walk/walk';
export type * from './walk/types';
