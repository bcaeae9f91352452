/** The privacy frames of tests/integration/privacy.test.ts, on PostgreSQL. */
import { postgres } from './engine';
import { privacySuite } from '../integration/suites/privacy';

privacySuite(postgres);
