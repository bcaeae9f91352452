/** Privacy frames on SQLite (the suite is suites/privacy.ts; tests/postgres runs it on PostgreSQL). */
import { sqlite } from './helpers/engine';
import { privacySuite } from './suites/privacy';

privacySuite(sqlite);
