import ArgumentParser
import Domain

/// A secret given on the command line (an invitation token) is held as a `Secret` from the
/// moment it is parsed, so the parsed command prints and dumps without it.
extension Secret: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
