/** The outbox across crashes of tests/integration/crash-recovery.test.ts, on PostgreSQL. */
import { crashRecoverySuite } from '../integration/suites/crash-recovery';
import { postgres } from './engine';

crashRecoverySuite(postgres);
