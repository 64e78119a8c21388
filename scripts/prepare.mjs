// npm `prepare`: install the project's own husky hooks, but never fail an install because of it
// (CI, `npm ci --omit=dev`, a tarball outside a git checkout).
import { existsSync } from 'node:fs';

if (process.env.CI === 'true' || process.env.HUSKY === '0' || !existsSync('.git')) process.exit(0);
try {
  const { default: husky } = await import('husky');
  const message = husky();
  if (message) console.log(`husky: ${message}`);
} catch {
  // husky is missing (--omit=dev): hooks are a developer convenience, not an install requirement.
}
