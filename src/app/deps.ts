import type { Logger } from '../log';
import type { CaseQueries } from '../store/queries';
import type { Repository } from '../store/repository';
import type { Directory } from './directory';
import type { Clock, Hasher } from './ports';

/** What every use case needs; wired once in src/main.ts (and in tests). */
export interface AppDeps {
  repo: Repository;
  /** Indexed read queries (agenda, VT morning summary). */
  queries: CaseQueries;
  directory: Directory;
  clock: Clock;
  hasher: Hasher;
  log: Logger;
  /** Called after work was enqueued, so the job loop runs now instead of at its next poll. */
  kickJobs: () => void;
}
