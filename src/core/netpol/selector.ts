/**
 * Label selectors as Kubernetes evaluates them: matchLabels and matchExpressions are ANDed; `{}` matches every
 * object. https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
import type { LabelSelector, Namespace } from './types';

/** The label every namespace carries from Kubernetes 1.22 on, set by the API server from its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const ml = selector.matchLabels;
  if (ml) for (const k in ml) if (labels[k] !== ml[k]) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = has ? labels[req.key] : undefined;
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(value!)) return false;
        break;
      // NotIn also matches objects without the key (the set-based selector semantics).
      case 'NotIn':
        if (has && values.includes(value!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** A namespace's labels as selectors see them: its own, plus kubernetes.io/metadata.name. */
export function namespaceLabels(ns: Namespace | undefined, name: string): Record<string, string> {
  return { ...(ns?.labels ?? {}), [NAMESPACE_NAME_LABEL]: name };
}

/** Whether the selector selects nothing it could not (an empty selector selects all). */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
