/**
 * `npm run encrypt-store`: one-off migration of an unencrypted `DATA_DIR/zsm.db` (from a build before
 * encryption at rest) to an encrypted one, in place, with STORE_ENCRYPTION_KEY. Stop the bot first.
 * Locally the dev defaults apply (scripts/dev-env.ts); elsewhere set DATA_DIR and the key.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from '../src/config';
import { encryptPlaintextDatabase } from '../src/store/sqlite/sqlite-docstore';
import { devEnv } from './dev-env';

const env = parseEnv(devEnv());
const file = join(env.DATA_DIR, 'zsm.db');
if (!existsSync(file)) {
  console.log(`[encrypt-store] ${file} does not exist; nothing to do`);
} else {
  const result = encryptPlaintextDatabase(file, env.STORE_ENCRYPTION_KEY as string);
  console.log(`[encrypt-store] ${file}: ${result === 'encrypted' ? 'encrypted in place' : 'already encrypted; left as is'}`);
}
