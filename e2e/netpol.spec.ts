import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { node, openTemplate, test } from './helpers';

const PODS = readFileSync('fixtures/k8s/seed-004/pods.yaml', 'utf8');
const [RESTRICT, BACKEND] = readFileSync('fixtures/k8s/seed-004/policies.yaml', 'utf8')
  .split(/^---$/m)
  .map((s) => s.trim());

/** The matrix cell from one workload (or peer) to another, by the labels netpol-analyzer gives them. */
const cell = (page: Page, src: string, dst: string) =>
  page.locator(`[data-testid="flow-matrix"] td[data-src="${src}"][data-dst="${dst}"]`);
const pod = (n: number) => `demo/pod${n}[Pod]`;

async function addPolicy(page: Page, index: number, yaml: string): Promise<void> {
  await page.getByTestId('k8s-add-policy').click();
  const text = page.getByTestId(`k8s-policy-yaml-${index}`);
  await text.fill(yaml!);
  await text.blur();
}

test("seed 004 drawn in the seed's cluster: the matrix gives the walkthrough's results and explains a cell", async ({
  page,
}) => {
  await openTemplate(page, 'seed-azure-cni');
  await node(page, 'aks').click();
  await page.getByTestId('tab-kubernetes').click();
  await expect(page.getByTestId('k8s-cluster')).toHaveValue('aks');

  // The walkthrough's four pods, opened from their file as kubectl would take them; they are drawn inside the box.
  await page.getByTestId('k8s-import-file').setInputFiles('fixtures/k8s/seed-004/pods.yaml');
  await expect(page.getByTestId('k8s-import-text')).toHaveValue(PODS);
  await page.getByTestId('k8s-import-apply').click();
  await expect(page.getByTestId('k8s-import-report')).toContainText('1 namespace(s), 4 workload(s)');
  await expect(node(page, 'aks').locator('[data-testid^="workload-"]')).toHaveText([
    'demo/pod1',
    'demo/pod2',
    'demo/pod3',
    'demo/pod4',
  ]);
  // No policy: every pod accepts everything (Kubernetes docs, "Non-isolated pods").
  await expect(cell(page, pod(4), pod(1))).toHaveAttribute('data-level', 'all');

  // restrict-all-traffic selects the backend pods with an empty ingress list: nothing reaches them.
  await addPolicy(page, 0, RESTRICT!);
  await expect(cell(page, pod(3), pod(1))).toHaveAttribute('data-level', 'none');
  await expect(cell(page, pod(4), pod(2))).toHaveAttribute('data-level', 'none');
  // Egress is not isolated, and the frontend is selected by nothing: the backend still reaches it.
  await expect(cell(page, pod(1), pod(3))).toHaveAttribute('data-level', 'all');

  // backend-policy adds ingress from role=frontend pods: pod3 reaches pod1 and pod2, pod4 still does not.
  await page.getByTestId('matrix-pin-baseline').click();
  await addPolicy(page, 1, BACKEND!);
  await expect(cell(page, pod(3), pod(1))).toHaveAttribute('data-level', 'all');
  await expect(cell(page, pod(3), pod(2))).toHaveAttribute('data-level', 'all');
  await expect(cell(page, pod(4), pod(1))).toHaveAttribute('data-level', 'none');
  // The diff against the baseline: exactly those two cells turned allowed.
  await expect(page.getByTestId('matrix-changes')).toHaveText('2 cell(s) changed since the baseline');
  await expect(cell(page, pod(3), pod(1))).toHaveAttribute('data-change', 'gained');
  await expect(cell(page, pod(4), pod(1))).not.toHaveAttribute('data-change', /.*/);

  // Explain pod4 -> pod1: both policies select pod1 for ingress and no rule admits pod4.
  await cell(page, pod(4), pod(1)).click();
  const explain = page.getByTestId('explain-ingress');
  await expect(explain).toContainText('Selected by: demo/restrict-all-traffic, demo/backend-policy');
  await expect(page.getByTestId('explain-conns')).toHaveText('nothing allowed');
  // And pod3 -> pod1: the rule and peer that allowed it.
  await cell(page, pod(3), pod(1)).click();
  await expect(explain).toContainText('demo/backend-policy: ingress rule 1, peer 1 allows');

  // A filter by port 80 keeps the answer; the Ingress view shows the same for the backend column.
  await page.getByTestId('matrix-port').fill('80');
  await expect(cell(page, pod(3), pod(1))).toHaveAttribute('data-level', 'all');
  await page.getByTestId('matrix-view').selectOption('ingress');
  await expect(cell(page, pod(4), pod(1))).toHaveAttribute('data-level', 'none');
});

test('a half-typed label or port shows a message next to the field and writes nothing', async ({ page }) => {
  await openTemplate(page, 'seed-azure-cni');
  await node(page, 'aks').click();
  await page.getByTestId('tab-kubernetes').click();
  await page.getByTestId('k8s-add-workload').click();
  const labels = page.getByTestId('k8s-workload-labels-0');
  await expect(labels).toHaveValue('app=app1');
  await labels.fill('app=web, role');
  await labels.press('Enter');
  await expect(page.getByTestId('k8s-workload-labels-0-error')).toHaveText('"role" is not key=value');
  await expect(node(page, 'aks').locator('[data-testid^="workload-"]')).toHaveAttribute('title', /labels app=app1$/);
  await labels.press('Escape');
  await expect(labels).toHaveValue('app=app1');
  const ports = page.getByTestId('k8s-workload-ports-0');
  await ports.fill('http:80, http:8080');
  await ports.press('Enter');
  await expect(page.getByTestId('k8s-workload-ports-0-error')).toContainText('two ports are named "http"');
  await ports.fill('http:80');
  await ports.press('Enter');
  await expect(page.getByTestId('k8s-workload-ports-0-error')).toHaveCount(0);
  // A policy with a YAML error is kept as typed; the message names the line.
  await page.getByTestId('k8s-add-policy').click();
  const yaml = page.getByTestId('k8s-policy-yaml-0');
  await yaml.fill(
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: [\n',
  );
  await yaml.blur();
  await expect(page.getByTestId('k8s-policy-error-0').first()).toContainText('line ');
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('findings')).toContainText('NetworkPolicy');
});
