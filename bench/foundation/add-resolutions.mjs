// Adds the registry pins a stock Backstage 1.55 app needs on these machines (shared/ENVIRONMENT.md,
// "Pins a stock 1.55 app needed") plus Paved's own root `resolutions` to the stock app's package.json,
// so both apps resolve the same problem packages the same way. Existing keys are kept.
// Usage: node add-resolutions.mjs <stock-app-dir> <paved-root>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [stockDir, pavedRoot] = process.argv.slice(2);
if (!stockDir || !pavedRoot) {
  console.error('usage: add-resolutions.mjs <stock-app-dir> <paved-root>');
  process.exit(2);
}

const environmentPins = {
  '@swc/core': '1.16.18',
  'unrs-resolver': '1.12.2',
  rollup: '4.67.4',
  '@yarnpkg/core': '4.9.1',
};

const stockFile = join(stockDir, 'package.json');
const stock = JSON.parse(readFileSync(stockFile, 'utf8'));
const paved = JSON.parse(readFileSync(join(pavedRoot, 'package.json'), 'utf8'));

stock.resolutions = {
  ...(stock.resolutions ?? {}),
  ...environmentPins,
  ...(paved.resolutions ?? {}),
};
writeFileSync(stockFile, `${JSON.stringify(stock, null, 2)}\n`);
console.log(JSON.stringify(stock.resolutions));
