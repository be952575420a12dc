import { Abi, parseAbi, parseAbiItem } from 'viem';
import TestTokenArtifact from './contracts/TestToken.json';

export const ERC20_ABI = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function transfer(address to, uint256 value) returns (bool)',
  'function decimals() view returns (uint8)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
]);

export const TRANSFER_EVENT = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');

export const TEST_TOKEN = TestTokenArtifact as unknown as { abi: Abi; bytecode: `0x${string}` };
