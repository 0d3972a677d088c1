import { expect } from '@playwright/test';
import { node, openTemplate, test } from './helpers';

/** What the columns say before any switch, cell by cell: the whole text (`is`) or a part of it (`has`). */
const CELLS: [model: string, row: string, match: 'is' | 'has', text: string][] = [
  // Node subnet model: 11 × (1 + 30 max pods) = 341, + 1 ILB frontend = 342 > 251 (a /24), ≤ 507 (a /23).
  ['azure-cni-node-subnet', 'node-subnet', 'is', 'aks-subnet 10.240.0.0/22: 342 of 1,019 at peak; needs /23'],
  // (1,019 − 1) / 31 = 32.8 → 32 at peak = max 31 + 1 surge; 31 × 30 = 930 pods.
  ['azure-cni-node-subnet', 'scale', 'has', 'nodepool1: max 31 nodes, 930 pods'],
  ['azure-cni-node-subnet', 'reachable', 'has', 'yes'],
  // kubenet: 11 nodes + 1 ILB = 12 addresses (a /28 holds 11, so a /27); 11 pod routes + the default route = 12.
  ['kubenet', 'node-subnet', 'is', 'aks-subnet 10.240.0.0/22: 12 of 1,019 at peak; needs /27'],
  ['kubenet', 'routes', 'is', 'route table needed: 11 pod routes + 1 = 12 of 400'],
  ['kubenet', 'snat-internet', 'has', 'node 10.240.0.4 in aks-subnet: pod IP → 10.240.0.4'],
  // Pod subnet: (10 + 1) × 112 (110 max pods in batches of 16) = 1,232; + 30% = 1,602 > 1,019 (a /22): a /21, the
  // first free one after 10.240.0.0/22 and 10.240.4.0/24 being 10.240.8.0/21.
  [
    'azure-cni-pod-subnet-dynamic',
    'pod-subnet',
    'is',
    'snet-aks-workshop-pods 10.240.8.0/21 (added): 1,232 of 2,043 at peak; needs /21',
  ],
  ['azure-cni-pod-subnet-dynamic', 'vnet-addresses', 'is', '1,243'],
  // Overlay: the /16 pod CIDR holds 256 node /24s → max 255 + 1 surge; 255 × 250 = 63,750 pods.
  ['azure-cni-overlay', 'pod-cidr', 'is', '10.244.0.0/16: 11 of 256 node /24s'],
  ['azure-cni-overlay', 'scale', 'has', 'nodepool1: max 255 nodes, 63,750 pods'],
  ['azure-cni-overlay', 'reachable', 'has', 'no'],
  ['azure-cni-pod-subnet-static', 'cannot', 'has', 'Private Link Service'],
];

/**
 * The workshop template's cluster aks-workshop: Azure CNI on the node subnet aks-subnet 10.240.0.0/22 (1,024 − 5 =
 * 1,019 usable), autoscale up to 10 nodes + 1 surge = 11 at peak, one internal LB frontend in the node subnet,
 * and a route table with one default route to the hub firewall.
 */
test('the workshop cluster under six network models, numbers checked by hand; kubenet refused, Overlay applied, undoably', async ({
  page,
}) => {
  await openTemplate(page, 'workshop-hub-spoke');
  await node(page, 'aks').locator('.box-head').click();
  await page.getByTestId('tab-models').click();
  const cell = (model: string, row: string) => page.getByTestId(`models-cell-${model}-${row}`);

  await expect(page.getByTestId('models-current-azure-cni-node-subnet')).toBeVisible();
  for (const [model, row, match, text] of CELLS) {
    if (match === 'is') await expect(cell(model, row)).toHaveText(text);
    else await expect(cell(model, row)).toContainText(text);
  }
  await expect(page.getByTestId('models-picture-azure-cni-overlay')).toHaveAttribute('data-pods', 'outside');
  await expect(page.getByTestId('models-picture-azure-cni-node-subnet')).toHaveAttribute('data-pods', 'vnet');

  // kubenet is refused: AGIC on workshop-appgw would send to pod IPs that only the cluster's route table routes,
  // and the App Gateway subnet has no route table. The design stays as it was.
  await page.getByTestId('models-apply-kubenet').click();
  await expect(page.getByTestId('models-message')).toContainText(
    'Cannot switch to kubenet: AGIC on workshop-appgw sends to pod IPs of kubenet cluster aks-workshop',
  );
  await expect(page.getByTestId('models-current-azure-cni-node-subnet')).toBeVisible();

  await page.getByTestId('models-apply-azure-cni-overlay').click();
  await expect(page.getByTestId('models-message')).toHaveText('aks-workshop now uses Azure CNI Overlay.');
  await expect(page.getByTestId('models-current-azure-cni-overlay')).toBeVisible();
  await expect(node(page, 'aks').locator('.box-detail')).toContainText('azure-cni-overlay');
  // The numbers follow: the node subnet now holds the 11 nodes + 1 frontend only (1,024 − 5 − 12 = 1,007 free).
  await expect(node(page, 'snet-aks').getByTestId('usage-text')).toHaveText('12 used · 1,007 free · 5 reserved');
  // The node subnet column, now computed from the Overlay design, still needs the same 342.
  await expect(cell('azure-cni-node-subnet', 'node-subnet')).toHaveText(
    'aks-subnet 10.240.0.0/22: 342 of 1,019 at peak; needs /23',
  );

  // One undo step brings Azure CNI back.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('models-current-azure-cni-node-subnet')).toBeVisible();
  await expect(node(page, 'aks').locator('.box-detail')).toContainText('azure-cni-node-subnet');
});
