import Foundation

/// A random number generator that replays: the same seed gives the same run (SplitMix64).
///
/// Reliability tests print their seed; `SC_SEED=<n>` runs the same sequence again.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// `SC_SEED` when set, else a fresh seed.
    public static func fromEnvironment() -> SeededRandom {
        let text = ProcessInfo.processInfo.environment["SC_SEED"] ?? ""
        return SeededRandom(seed: UInt64(text) ?? UInt64.random(in: 1...UInt64(UInt32.max)))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How big a reliability run is: small inside `make test`, the full size under
/// `make reliability` (which sets the variable).
public enum ReliabilitySize {
    public static func value(_ variable: String, default small: Int) -> Int {
        Int(ProcessInfo.processInfo.environment[variable] ?? "") ?? small
    }
}
