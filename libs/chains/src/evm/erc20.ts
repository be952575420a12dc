import { Abi, parseAbi, parseAbiItem } from 'viem';
import PriceFeedArtifact from './contracts/PriceFeed.json';
import TestTokenArtifact from './contracts/TestToken.json';

export const ERC20_ABI = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function transfer(address to, uint256 value) returns (bool)',
  'function decimals() view returns (uint8)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
]);

export const TRANSFER_EVENT = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');

export const TEST_TOKEN = TestTokenArtifact as unknown as { abi: Abi; bytecode: `0x${string}` };

/** Chainlink's AggregatorV3Interface: what the app reads of a price feed, on every network. */
export const AGGREGATOR_V3_ABI = parseAbi([
  'function decimals() view returns (uint8)',
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
]);

/** The devnet's Chainlink-compatible feed (PriceFeed.sol). */
export const PRICE_FEED = PriceFeedArtifact as unknown as { abi: Abi; bytecode: `0x${string}` };

export const PRICE_FEED_OWNER_ABI = parseAbi([
  'function updateAnswer(int256 answer)',
  'function updateRoundData(int256 answer, uint256 updatedAt)',
]);
