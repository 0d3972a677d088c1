/** A drop-down list over plain choices: the one way the panels render a `<select>` of values and labels. */
import { useDesignStore } from '../store';

export interface Choice {
  value: string;
  label: string;
}

/** Choices whose label is the value itself (Kubernetes kinds, protocols, Service types). */
export const plainChoices = (values: readonly string[]): Choice[] => values.map((v) => ({ value: v, label: v }));

/** Choices of design elements by id, labelled with their names. */
export const namedChoices = (elements: readonly { id: string; name: string }[]): Choice[] =>
  elements.map((e) => ({ value: e.id, label: e.name }));

export interface SelectProps {
  testId: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  disabled?: boolean;
}

export function Select({ testId, value, choices, onChange, disabled }: SelectProps) {
  return (
    <select data-testid={testId} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** A picker of the design's clusters, by name. */
export function ClusterSelect(props: Omit<SelectProps, 'choices'>) {
  const clusters = useDesignStore((s) => s.doc.design.clusters);
  return <Select {...props} choices={namedChoices(clusters)} />;
}
