import Foundation
import Testing

@testable import TUI

/// The key loop draws once per burst of keys already waiting (issue 12): a typist, a paste or
/// the monkey that sends keys faster than a frame is drawn must not build a backlog, and a
/// burst must do exactly what the same keys do one at a time.
@MainActor
@Suite("Keys waiting in a burst")
struct KeyBurstTests {
    /// A program that types characters into a line and quits on `q`: no database, no effects,
    /// so every frame the loop draws is one the keys caused.
    private static let typing = Program<String, Character, NoEffect>(
        update: { text, character, _ in
            text.append(character)
            return []
        },
        run: { _ in " " },
        action: { key, _, _ in
            if case .character(let character) = key { return character }
            return nil
        },
        render: { text, size, _, _ in
            var canvas = Canvas(size: size)
            canvas.write(text, x: 0, y: 0)
            return canvas
        },
        isFinished: { $0.hasSuffix("q") })

    /// The typing program starts none.
    enum NoEffect: Sendable { case none }

    @Test func fiveWaitingKeysAreAppliedInOrderAndDrawnOnce() {
        let terminal = VirtualTerminal(
            size: Size(width: 20, height: 2),
            keys: [
                .character("a"), .character("b"), .character("c"), .character("d"),
                .character("e"), nil, .character("q"),
            ])
        let loop = ProgramLoop(state: "", program: Self.typing, terminal: terminal)
        let final = loop.run()
        #expect(final == "abcdeq")
        // The first frame (empty), then one for the burst: not one per key.
        #expect(
            terminal.frames.map { $0.text().split(separator: "\n").first ?? "" } == [
                "", "abcde",
            ])
    }

    @Test func aKeyThatEndsTheProgramLeavesTheKeysBehindItUnread() {
        let terminal = VirtualTerminal(
            size: Size(width: 20, height: 2),
            keys: [.character("a"), .character("q"), .character("b")])
        let loop = ProgramLoop(state: "", program: Self.typing, terminal: terminal)
        #expect(loop.run() == "aq")
        #expect(terminal.pendingKeys == [.character("b")])
    }

    @Test func aResizeInTheBurstIsNoKeyAndTheBurstIsStillOneFrame() {
        let terminal = VirtualTerminal(
            size: Size(width: 20, height: 2),
            keys: [.character("a"), .resize, .character("b"), nil, .character("q")])
        let loop = ProgramLoop(state: "", program: Self.typing, terminal: terminal)
        #expect(loop.run() == "abq")
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames.last?.text().hasPrefix("ab") == true)
    }
}
