/**
 * Jest's 5 s default is a hang guard tuned to an idle machine: on two busy cores a host's start-up in a
 * beforeAll can take longer without anything being wrong (issue 11: the suite must hold under load).
 * Tests that run a real host, store or browser get 60 s; a file that needs more sets its own. No test
 * asserts time through this: it only decides when a stuck test is reported as stuck.
 */
jest.setTimeout(60_000);
