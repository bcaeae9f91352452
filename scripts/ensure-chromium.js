// Kept for `npm run test:e2e`: the same check as scripts/ensure-system.js.
import { ensureSystem } from './ensure-system.js';

process.exit(ensureSystem());
