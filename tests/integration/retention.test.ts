/** Retention on SQLite (the suite is suites/retention.ts; tests/postgres runs it on PostgreSQL). */
import { sqlite } from './helpers/engine';
import { retentionSuite } from './suites/retention';

retentionSuite(sqlite);
