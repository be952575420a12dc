// Compiles the devnet test contracts with solc-js (offline) and writes ABI + bytecode JSON next to the sources.
// Run after editing a .sol file: `node scripts/compile-contracts.mjs`. Boot and tests use the committed JSON only.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);
const solc = require('solc');
const dir = 'libs/chains/src/evm/contracts';
const files = ['TestToken.sol', 'PriceFeed.sol'];
const input = {
  language: 'Solidity',
  sources: Object.fromEntries(files.map((file) => [file, { content: readFileSync(join(dir, file), 'utf8') }])),
  settings: {
    evmVersion: 'paris',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
if (errors.length) {
  process.stderr.write(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
for (const [file, contracts] of Object.entries(output.contracts))
  for (const [name, contract] of Object.entries(contracts)) {
    const out = {
      contractName: name,
      compiler: `solc ${solc.version()}`,
      evmVersion: 'paris',
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
    };
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(out, null, 2)}\n`);
    process.stdout.write(`${basename(file)} -> ${name}.json (${contract.evm.bytecode.object.length / 2} bytes)\n`);
  }
