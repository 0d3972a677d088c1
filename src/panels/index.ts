/** The side panels mounted by the app shell. */
export { Inspector } from './Inspector';
export { SidePanels } from './SidePanels';
export { FileMenu, loadFromHash } from './FileMenu';
