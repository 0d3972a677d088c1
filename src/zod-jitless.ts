/**
 * zod compiles its parsers with `new Function` when it may; the Content-Security-Policy in index.html forbids eval,
 * and even zod's caught probe for it is reported as a violation. Jitless parsing needs neither. Imported first;
 * in the build every `zod` import of the app resolves here (vite.config.ts), so no schema is built before this runs.
 */
import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
