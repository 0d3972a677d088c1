/** Pictures of the design: shared kinds and glyphs, containment, auto-layout, SVG and draw.io. */
export { FAMILIES, KIND_STYLES, glyphSvg, styleOf, type DiagramKind, type KindFamily } from './glyphs';
export { buildScene, type DiagramLayout, type Scene, type SceneBox, type SceneLine } from './scene';
export { elementsOf, linesOf, type LineKind } from './structure';
export { exportSvg, type SvgOptions } from './svg';
export { exportDrawio, type DrawioOptions } from './drawio';
export { FIT_PADDING, LAYOUT_SIZES, NAME_FONT_PX, VIEW } from './layout';
export { containLayout, freeSpot, CHILD_TOP, CHILD_PAD } from './contain';
export { contains, overlaps, segmentBetween, type Rect } from './geometry';
export {
  childrenOf,
  layoutBoxes,
  midpointOf,
  obstaclesFor,
  pathOf,
  routeBetween,
  routeLines,
  routeWindow,
  type Point,
  type RouteBox,
} from './route-lines';
