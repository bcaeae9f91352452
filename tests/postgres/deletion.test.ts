/** The deletion suite of tests/integration/deletion.test.ts, on PostgreSQL: rows, and VACUUM. */
import { deletionSuite } from '../integration/suites/deletion';
import { postgres } from './engine';

deletionSuite(postgres);
