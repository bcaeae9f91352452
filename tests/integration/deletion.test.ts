/** Deletion deletes, on SQLite: the file's bytes (the suite is suites/deletion.ts). */
import { sqlite } from './helpers/engine';
import { deletionSuite } from './suites/deletion';

deletionSuite(sqlite);
