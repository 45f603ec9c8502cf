// Runs the RSVP store's test files again on PostgreSQL (RSVP_TEST_STORE=postgres): each file
// starts a throwaway cluster from Debian's packages on 127.0.0.1 (test/node/postgres.mjs).
// Without the binaries it says which package to install and runs nothing; CI installs it.
import { spawnSync } from 'node:child_process';
import { POSTGRES_PACKAGE, postgresBin } from '../test/node/postgres.mjs';

const FILES = ['server', 'hardening', 'cancel', 'one-per-person', 'retention', 'staff', 'mail', 'processes', 'series']
  .map((name) => `test/node/rsvp-${name}.test.mjs`);

if (!postgresBin()) {
  console.log(`# skipped the RSVP tests on PostgreSQL: they need Debian's ${POSTGRES_PACKAGE} (apt-get install ${POSTGRES_PACKAGE})`);
  process.exit(0);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...FILES], {
  stdio: 'inherit',
  env: { ...process.env, RSVP_TEST_STORE: 'postgres' },
});
process.exit(result.status ?? 1);
