// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice A Chainlink-compatible price feed for the devnet (AggregatorV3Interface, like Chainlink's
/// MockV3Aggregator): the app reads it exactly as it reads a real feed on mainnet or Sepolia. The owner posts rounds;
/// `updateRoundData` also sets the round's time, so a test can post a round that is already stale.
/// Compiled offline by scripts/compile-contracts.mjs; the app deploys the committed bytecode at boot.
contract PriceFeed {
    uint8 public immutable decimals;
    string public description;
    uint256 public constant version = 4;
    address public immutable owner;

    uint80 public latestRound;
    mapping(uint80 => int256) private answers;
    mapping(uint80 => uint256) private startedAts;
    mapping(uint80 => uint256) private updatedAts;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    constructor(uint8 decimals_, string memory description_, int256 initialAnswer) {
        decimals = decimals_;
        description = description_;
        owner = msg.sender;
        _post(initialAnswer, block.timestamp);
    }

    /// @notice A new round with `answer`, updated now.
    function updateAnswer(int256 answer) external {
        require(msg.sender == owner, "only owner");
        _post(answer, block.timestamp);
    }

    /// @notice A new round with `answer` and the given update time (seconds since the epoch).
    function updateRoundData(int256 answer, uint256 updatedAt) external {
        require(msg.sender == owner, "only owner");
        _post(answer, updatedAt);
    }

    function latestAnswer() external view returns (int256) {
        return answers[latestRound];
    }

    function latestTimestamp() external view returns (uint256) {
        return updatedAts[latestRound];
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return (latestRound, answers[latestRound], startedAts[latestRound], updatedAts[latestRound], latestRound);
    }

    function getRoundData(
        uint80 roundId
    ) external view returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound) {
        require(updatedAts[roundId] > 0, "No data present");
        return (roundId, answers[roundId], startedAts[roundId], updatedAts[roundId], roundId);
    }

    function _post(int256 answer, uint256 updatedAt) private {
        latestRound += 1;
        answers[latestRound] = answer;
        startedAts[latestRound] = updatedAt;
        updatedAts[latestRound] = updatedAt;
        emit AnswerUpdated(answer, latestRound, updatedAt);
    }
}
