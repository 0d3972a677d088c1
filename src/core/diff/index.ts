export { diffDesigns } from './diff';
export { FORCES } from './forces';
export type * from './types';
