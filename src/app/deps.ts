import type { Logger } from '../log';
import type { CaseQueries } from '../store/queries';
import type { JobType } from '../store/jobs';
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
  /**
   * Absent: every job goes through the job loop. Present: a command's commit writes the jobs of these
   * types that are due now already leased to `owner` (this process's job loop) and calls `run`, which
   * delivers them from one partition read (docs/decisions.md §38).
   */
  handOff?: JobHandOffPort;
}

export interface JobHandOffPort {
  owner: string;
  leaseMs: number;
  types: ReadonlySet<JobType>;
  /** Starts the delivery; the caller does not wait for it. */
  run(caseId: string, jobIds: readonly string[]): unknown;
}
