import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal: copies canvases to the screen through ncurses and reads keys.
///
/// Only changed cells are written (`CanvasDiff`), then `wnoutrefresh` + `doupdate`, so ncurses
/// sends the fewest bytes over SSH; the screen is never cleared per frame. After a resize the
/// next frame is drawn in full. All ncurses calls happen on the main actor.
@MainActor
public final class NcursesTerminal: Terminal {
    /// Start-up choices.
    public struct Options: Sendable {
        /// Restore the terminal on SIGTERM, SIGHUP, SIGINT and crashes, chaining to earlier
        /// handlers. Install the application's own handlers before creating the terminal.
        public var installsSignalHandlers: Bool
        /// How long ncurses waits after Esc for the rest of an escape sequence. 25 ms keeps Esc
        /// snappy (htop #175) while arrow keys still decode over SSH.
        public var escapeDelayMilliseconds: Int

        public init(installsSignalHandlers: Bool = true, escapeDelayMilliseconds: Int = 25) {
            self.installsSignalHandlers = installsSignalHandlers
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
        }
    }

    /// The theme as drawn: the requested one adapted to `colorDepth`.
    public private(set) var theme: Theme
    /// The colours the terminal reported (`COLORS`), as a depth.
    public private(set) var colorDepth: ColorDepth = .monochrome
    /// False when no UTF-8 locale could be set: text is then drawn as ASCII stand-ins.
    public private(set) var isUnicode: Bool

    private var previousFrame: Canvas?
    private var pairs = ColorPairTable(capacity: 0)
    private var defaultColorsAvailable = false
    private var isActive = false

    /// Starts curses mode: locale, raw keyboard, no echo, keypad decoding, hidden cursor, colours.
    public init(theme: Theme, options: Options = Options()) throws(TerminalError) {
        guard cnc_is_terminal() != 0 else { throw TerminalError.notATerminal }
        isUnicode = Self.selectUTF8Locale()
        self.theme = theme
        if options.installsSignalHandlers {
            TerminalRestoration.install()
        }
        guard cnc_newterm_stdio() != nil else {
            throw TerminalError.cannotInitialize(term: Self.environment("TERM"))
        }
        isActive = true
        TerminalRestoration.setActive(true)
        ResizeSignal.install()
        raw()
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        leaveok(cnc_stdscr(), true)
        set_escdelay(Int32(options.escapeDelayMilliseconds))
        curs_set(0)
        setUpColors(for: theme)
    }

    public var size: Size {
        guard isActive, let screen = cnc_stdscr() else { return Size(width: 0, height: 0) }
        return Size(width: Int(cnc_getmaxx(screen)), height: Int(cnc_getmaxy(screen)))
    }

    public func draw(_ canvas: Canvas) {
        guard isActive, let screen = cnc_stdscr() else { return }
        let screenSize = size
        for run in CanvasDiff.changes(from: previousFrame, to: canvas)
        where run.y < screenSize.height {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                guard x < screenSize.width else { break }
                write(cell, x: x, y: run.y, screenWidth: screenSize.width, on: screen)
            }
        }
        previousFrame = canvas
        wnoutrefresh(screen)
        doupdate()
    }

    /// Waits on the keyboard, `wakeUp` and a resize together: ncurses' own buffer first (it
    /// may hold keys already read from the terminal), then `poll` on all three, then ncurses
    /// again, which reports the resize as a key.
    public func readKey(timeoutMilliseconds: Int, wakeUp: WakeUpPipe) -> Key? {
        if let key = readKey(timeoutMilliseconds: 0) { return key }
        guard timeoutMilliseconds != 0, wakeUp.readEnd >= 0 else {
            return readKey(timeoutMilliseconds: timeoutMilliseconds)
        }
        var waits = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeUp.readEnd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: ResizeSignal.pipe.readEnd, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&waits, nfds_t(waits.count), Int32(clamping: timeoutMilliseconds))
        if ready > 0, waits[1].revents != 0 { wakeUp.drain() }
        if ready > 0, waits[2].revents != 0 { ResizeSignal.pipe.drain() }
        if ready > 0, waits[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            // A terminal that hung up is always "ready": wait as before instead of spinning
            // until SIGHUP ends the program.
            return readKey(timeoutMilliseconds: timeoutMilliseconds)
        }
        return readKey(timeoutMilliseconds: 0)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isActive, let screen = cnc_stdscr() else { return nil }
        wtimeout(screen, Int32(clamping: timeoutMilliseconds))
        var character: wint_t = 0
        let result = wget_wch(screen, &character)
        let key: Key
        switch result {
        case KEY_CODE_YES:
            key = KeyDecoder.decode(.keyCode(Int32(bitPattern: UInt32(character))))
        case OK:
            key = KeyDecoder.decode(.character(UInt32(character)))
        default:
            return nil
        }
        if key == .resize {
            forceFullRedraw()
        }
        return key
    }

    /// Makes the next `draw` repaint every cell and the terminal repaint the whole screen (after
    /// a resize, or Ctrl-L when something else scribbled on the terminal).
    public func forceFullRedraw() {
        previousFrame = nil
        guard isActive, let screen = cnc_stdscr() else { return }
        werase(screen)
        clearok(cnc_curscr(), true)
    }

    public func shutdown() {
        guard isActive else { return }
        isActive = false
        curs_set(1)
        TerminalRestoration.restore()
    }

    // MARK: Drawing cells

    private func write(
        _ cell: Cell, x: Int, y: Int, screenWidth: Int, on screen: UnsafeMutablePointer<WINDOW>
    ) {
        guard
            let plan = CellGlyph.plan(
                for: cell, unicode: isUnicode,
                systemWidth: { Int(cnc_wcwidth(wchar_t(bitPattern: $0))) })
        else { return }
        let (attributes, pair) = attributesAndPair(for: cell.style)
        var scalars: [wchar_t] = plan.scalars.map { wchar_t(bitPattern: $0) } + [0]
        var character = cchar_t()
        setcchar(&character, &scalars, attributes, Int16(clamping: pair), nil)
        mvwadd_wch(screen, Int32(y), Int32(x), &character)
        if let continuation = plan.continuation, x + 1 < screenWidth {
            var second: [wchar_t] = [wchar_t(bitPattern: continuation), 0]
            setcchar(&character, &second, attributes, Int16(clamping: pair), nil)
            mvwadd_wch(screen, Int32(y), Int32(x + 1), &character)
        }
    }

    private func attributesAndPair(for style: Style) -> (attr_t, Int32) {
        let resolved = theme.resolve(style)
        var attributes = cnc_a_normal()
        if resolved.attributes.contains(.bold) { attributes |= cnc_a_bold() }
        if resolved.attributes.contains(.dim) { attributes |= cnc_a_dim() }
        if resolved.attributes.contains(.reverse) { attributes |= cnc_a_reverse() }
        if resolved.attributes.contains(.underline) { attributes |= cnc_a_underline() }
        guard colorDepth != .monochrome else { return (attributes, 0) }
        let colors = ColorPairTable.Colors(
            foreground: ColorPairTable.number(
                for: resolved.foreground, isForeground: true,
                defaultColorsAvailable: defaultColorsAvailable),
            background: ColorPairTable.number(
                for: resolved.background, isForeground: false,
                defaultColorsAvailable: defaultColorsAvailable))
        let (number, isNew) = pairs.pair(for: colors)
        if isNew {
            init_pair(Int16(number), Int16(colors.foreground), Int16(colors.background))
        }
        return (attributes, number)
    }

    // MARK: Set-up

    private func setUpColors(for requested: Theme) {
        guard has_colors() else {
            colorDepth = .monochrome
            theme = Self.monochrome(requested)
            return
        }
        start_color()
        colorDepth = ColorDepth(colorCount: Int(cnc_colors()))
        if colorDepth == .monochrome {
            theme = Self.monochrome(requested)
            return
        }
        if requested.usesTerminalDefault {
            defaultColorsAvailable = use_default_colors() == OK
        }
        pairs = ColorPairTable(capacity: Int(cnc_color_pairs()))
        theme = requested.adapted(to: colorDepth)
    }

    /// Without colours a theme that marks the selection by background alone would lose it, so
    /// colourless terminals get the `mono` theme, which is built from attributes.
    private static func monochrome(_ requested: Theme) -> Theme {
        if requested.name == ThemeResolver.noColorThemeName {
            return requested.adapted(to: .monochrome)
        }
        let mono = try? ThemeLoader.shippedOnly.load(named: ThemeResolver.noColorThemeName)
        return (mono ?? requested).adapted(to: .monochrome)
    }

    /// Uses the user's locale, or C.UTF-8 when that is not UTF-8 (SSH sessions often arrive
    /// with no `LANG`), because without UTF-8 every non-ASCII character renders blank.
    private static func selectUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() {
            return true
        }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"]
        where setlocale(LC_CTYPE, candidate) != nil {
            if isUTF8Codeset() {
                return true
            }
        }
        return false
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = cnc_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
