/**
 * The worker that reads a large saved design off the page's thread: zod's checks, the migrations and the
 * hostile-key scan of a 17x enterprise design take over half a second, which on the page would be one task that
 * freezes it. The result (a plain document, or the errors) comes back by structured clone.
 */
import '../zod-jitless';
import { loadDocument } from '../io';

self.onmessage = (e: MessageEvent<string>) => self.postMessage(loadDocument(e.data));
