/** Retention of tests/integration/retention.test.ts, on PostgreSQL. */
import { retentionSuite } from '../integration/suites/retention';
import { postgres } from './engine';

retentionSuite(postgres);
