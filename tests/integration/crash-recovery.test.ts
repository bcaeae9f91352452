/** Crashes while phones write through their outboxes, on SQLite (suite: suites/crash-recovery.ts). */
import { sqlite } from './helpers/engine';
import { crashRecoverySuite } from './suites/crash-recovery';

crashRecoverySuite(sqlite);
