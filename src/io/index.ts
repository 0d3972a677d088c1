/** The design file: versioned schema, migrations, loading, saving and share links. */
export { loadDocument, type LoadResult } from './load';
export { serializeDocument, newDocument } from './save';
export { encodeShareLink, decodeShareLink, MAX_SHARE_PAYLOAD_CHARS } from './share-link';
export { encodeLessonLink, decodeLessonLink, type LessonLinkResult } from './lesson-link';
export { formatPath, type LoadError } from './load-error';
export {
  CURRENT_SCHEMA_VERSION,
  DOCUMENT_FORMAT,
  DEFAULT_DNS_SERVICE_IP,
  DEFAULT_POD_CIDR,
  DEFAULT_SERVICE_CIDR,
  designSchema,
  documentSchema,
  type DesignDocument,
  type LayoutNode,
} from './schema';
export { MAX_INPUT_CHARS } from './hostile';
export { LIMITS } from './schema-primitives';
export { MIGRATIONS, runMigrations, type Migration } from './migrations';
export { readManifests, MAX_MANIFEST_OBJECTS } from './k8s/manifests';
export type { ManifestSet, ManifestProblem, ManifestService } from './k8s/manifests';
export {
  parseLesson,
  checkStepDesign,
  serializeLesson,
  lessonStart,
  LESSON_MIGRATIONS,
  LESSON_FORMAT,
  LESSON_LIMITS,
  CURRENT_LESSON_VERSION,
  type LessonParse,
} from './lesson';
