/** Faults at random moments, on SQLite (the suite is suites/fault-injection.ts). */
import { sqlite } from './helpers/engine';
import { faultInjectionSuite } from './suites/fault-injection';

faultInjectionSuite(sqlite);
