/** The authorisation matrix of tests/integration/authorization.test.ts, on PostgreSQL. */
import { authorizationSuite } from '../integration/suites/authorization';
import { postgres } from './engine';

authorizationSuite(postgres);
