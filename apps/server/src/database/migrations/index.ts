// Every migration, in order. Listed by hand (no globs) so the compiled desk and the CLI agree.
import { Initial1795768969410 } from './1795768969410-Initial.js';

export const MIGRATIONS = [Initial1795768969410];
