/** The inspector's fields of an Application Gateway for Containers and the rows of its frontends. */
import type { FieldSpec, ListSpec } from './field-specs';

const NAME: FieldSpec = { path: 'name', label: 'Name', type: 'name', nameKind: 'traffic-controller' };

export const AGC_FIELDS: FieldSpec[] = [
  NAME,
  { path: 'subnetId', label: 'Association subnet', type: 'ref', ref: 'subnets', hint: 'delegated, /24 or larger' },
  { path: 'associationName', label: 'Association name', type: 'name', nameKind: 'traffic-controller' },
  { path: 'clusterId', label: 'ALB Controller cluster', type: 'ref', ref: 'clusters', optional: true },
];

export const AGC_FRONTENDS: ListSpec = {
  path: 'frontends',
  label: 'Frontends',
  item: 'frontend',
  withId: true,
  fields: [NAME],
  make: () => ({ name: 'frontend' }),
};
