/** Network models side by side: one cluster under kubenet, Azure CNI (node subnet, pod subnet), Overlay and Cilium. */
export { compareNetworkModels, freeSubnetId } from './compare';
export { modelSwitch, applyModelSwitch, designUnder, currentChoice } from './switch';
export { choosePodSubnet, podAddressesAtPeak, POD_SUBNET_HEADROOM } from './pod-subnet';
export { MODEL_LABEL, MODEL_PAGE, MODEL_CAP, MODEL_URL, isFlat } from './facts';
export { MODEL_CHOICES } from './types';
export type * from './types';
