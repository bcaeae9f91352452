/** The SIGKILL storms of tests/integration/fault-injection.test.ts, on PostgreSQL. */
import { faultInjectionSuite } from '../integration/suites/fault-injection';
import { postgres } from './engine';

faultInjectionSuite(postgres);
