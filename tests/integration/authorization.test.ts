/** The authorisation matrix on SQLite (the suite is suites/authorization.ts). */
import { sqlite } from './helpers/engine';
import { authorizationSuite } from './suites/authorization';

authorizationSuite(sqlite);
