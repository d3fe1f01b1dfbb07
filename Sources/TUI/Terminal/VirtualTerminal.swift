/// A terminal in memory: scripted keys in, drawn frames out, for testing the app loop.
@MainActor
public final class VirtualTerminal: Terminal {
    public var size: Size
    /// Keys `readKey` returns, in order; `nil` entries simulate a timeout.
    public var pendingKeys: [Key?]
    /// Every canvas drawn, oldest first.
    public private(set) var frames: [Canvas] = []
    public private(set) var isShutDown = false

    public init(size: Size, keys: [Key?] = []) {
        self.size = size
        self.pendingKeys = keys
    }

    /// The last frame drawn.
    public var lastFrame: Canvas? { frames.last }

    public func draw(_ canvas: Canvas) {
        frames.append(canvas)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !pendingKeys.isEmpty else { return nil }
        return pendingKeys.removeFirst()
    }

    /// Changes the size and queues `.resize`, as a real terminal does.
    public func resize(to newSize: Size) {
        size = newSize
        pendingKeys.insert(.resize, at: 0)
    }

    public func shutdown() {
        isShutDown = true
    }
}
