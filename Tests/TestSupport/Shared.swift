import Synchronization

/// A value threads and tasks share, behind a lock.
public final class Shared<Value: Sendable>: Sendable {
    public let value: Mutex<Value>
    public init(_ initial: Value) { value = Mutex(initial) }
}
