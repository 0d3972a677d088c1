/** The panels mounted by the app shell: inspector, side panels (tabs) and the file menu; share-link loading. */
import './panels.css';

export { Inspector } from './Inspector';
export { SidePanels } from './SidePanels';
export { FileMenu } from './FileMenu';
export { useShareLinkLoader, loadFromHash } from './use-share-link';
export { LessonsMenu } from './LessonsMenu';
export { LessonLayer } from './LessonPanel';
