/**
 * The edge component: React Flow's bezier edge, with its label drawn as HTML above the edges. React Flow's own
 * SVG label measures itself with getBBox when it mounts, forcing a layout of the whole canvas once per label.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';

function LabeledEdge(props: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath(props);
  const kind = (props.data as { kind?: string } | undefined)?.kind;
  return (
    <g data-testid={`edge-${props.id}`} data-kind={kind}>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={props.markerEnd}
        style={props.style}
        interactionWidth={props.interactionWidth}
      />
      {props.label ? (
        <EdgeLabelRenderer>
          <div
            className="edge-label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {props.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </g>
  );
}

export const EDGE_TYPES = { default: memo(LabeledEdge) };
