import Foundation
import ViewModels

/// Where each list was scrolled to, kept between frames so lists move like a pager instead
/// of re-centring on every key. The only state rendering keeps (help's scroll is the app
/// state's: keys move it).
public struct ScrollPositions: Sendable, Equatable {
    public var team = 0
    public var integrations = 0
    public var audit = 0

    public init() {}
}

/// The whole screen as a pure function of the state: tab bar, the current view, the message
/// line, the status line, and any dialog on top.
public enum ConsoleScreen {
    /// Below this the screen shows "terminal too small" instead of a broken layout.
    public static let minimumSize = Size(width: 60, height: 15)

    public static func render(
        _ state: AppState, size: Size, busy: Bool = false, now: Date,
        scroll: inout ScrollPositions
    ) -> Canvas {
        var canvas = Canvas(size: size)
        guard size.fits(minimumSize) else {
            TooSmallScreen.draw(required: minimumSize, on: &canvas)
            return canvas
        }
        let (top, middle, bottom) = layout(size)
        drawTabBar(state, in: top, on: &canvas)
        switch state.tab {
        case .team: TeamScreen.draw(state, in: middle, now: now, offset: &scroll.team, on: &canvas)
        case .billing: BillingScreen.draw(state, in: middle, now: now, on: &canvas)
        case .integrations:
            IntegrationsScreen.draw(
                state, in: middle, now: now, offset: &scroll.integrations, on: &canvas)
        case .audit:
            AuditScreen.draw(state, in: middle, now: now, offset: &scroll.audit, on: &canvas)
        }
        MessageLine.draw(state, in: bottom.row(0), on: &canvas)
        drawStatusLine(state, busy: busy, now: now, in: bottom.row(1), on: &canvas)
        DialogScreen.draw(
            state, in: middle, helpScroll: min(state.helpScroll, helpScrollLimit(state, size)),
            on: &canvas)
        return canvas
    }

    /// Paints only the status line over `canvas`, the last frame drawn: the key loop calls
    /// this when `nextStatusLineChange` is due and nothing else is to be drawn, so the line's
    /// clocks ("database not answering (12 s)", "refreshed 5s ago") tick without a redraw of
    /// the whole screen.
    public static func redrawStatusLine(
        _ state: AppState, busy: Bool, now: Date, on canvas: inout Canvas
    ) {
        guard canvas.size.fits(minimumSize) else { return }
        drawStatusLine(
            state, busy: busy, now: now, in: layout(canvas.size).bottom.row(1), on: &canvas)
    }

    /// When the status line's clocks (the tab's "refreshed 5s ago", "database not answering
    /// (12 s)") next reach a new whole second after `date`; nil when it shows neither. Both
    /// count whole seconds from their origin, so nothing on the line changes in between.
    public static func nextStatusLineChange(_ state: AppState, after date: Date) -> Date? {
        [state.refreshedAt, state.requestsWaitingSince].compactMap { $0 }
            .map { date.nextWholeSecond(countedFrom: $0) }
            .min()
    }

    /// The furthest the help overlay can scroll on a screen of `size` (0 when all fits).
    public static func helpScrollLimit(_ state: AppState, _ size: Size) -> Int {
        guard size.fits(minimumSize) else { return 0 }
        return HelpOverlayWidget.maximumScrollOffset(
            items: ConsoleKeys.help(for: state), in: layout(size).middle)
    }

    /// The tab bar's row, the view's area, and the message and status lines.
    static func layout(_ size: Size) -> (top: Rect, middle: Rect, bottom: Rect) {
        let full = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let (top, rest) = full.splitTop(1)
        let (middle, bottom) = rest.splitBottom(2)
        return (top, middle, bottom)
    }

    /// Convenience for tests and one-off renders, starting unscrolled.
    public static func render(_ state: AppState, size: Size, now: Date) -> Canvas {
        var scroll = ScrollPositions()
        return render(state, size: size, now: now, scroll: &scroll)
    }

    static func drawTabBar(_ state: AppState, in rect: Rect, on canvas: inout Canvas) {
        var tabs = Tab.bar.enumerated().map { index, tab in
            TabItem(tab.title, keyHint: String(index + 1))
        }
        var active = Tab.bar.firstIndex(of: state.tab) ?? tabs.count
        if state.tab == .audit {
            tabs.append(TabItem("Audit", keyHint: ":audit"))
            active = tabs.count - 1
        }
        TabBarWidget.draw(
            tabs, active: active, trailing: state.session.workspaceName, in: rect, on: &canvas)
    }

    static func drawStatusLine(
        _ state: AppState, busy: Bool, now: Date, in rect: Rect, on canvas: inout Canvas
    ) {
        var left: [StatusSegment] = [
            StatusSegment(" \(state.session.workspaceName)"),
            .accent("\(state.session.email) (\(state.session.role.rawValue))"),
        ]
        if state.readOnly { left.append(.badge("READ-ONLY")) }
        var right: [StatusSegment] = []
        switch state.connection {
        case .connected:
            if let notice = state.databaseNotice(now: now) {
                right.append(.badge(notice))
            } else {
                let idle = state.liveUpdates == .listening ? "● live" : "● connected"
                right.append(StatusSegment(busy ? "● loading…" : idle))
            }
        case .reconnecting: right.append(.badge("reconnecting…"))
        }
        // The tab on screen's own read time, to the second: a live view must not look
        // fresher than it is.
        if let refreshed = state.refreshedAt {
            let seconds = Int(now.timeIntervalSince(refreshed))
            let age =
                (2..<60).contains(seconds)
                ? "\(seconds)s ago" : RelativeTime.format(refreshed, now: now)
            right.append(StatusSegment("refreshed \(age)"))
        }
        right.append(StatusSegment("? help "))
        // On narrow screens the READ-ONLY badge matters more than the refresh time and the
        // help hint (the message line lists `?` too): drop those first.
        func width(_ segments: [StatusSegment]) -> Int {
            segments.reduce(segments.count) { $0 + DisplayWidth.of($1.text) }
        }
        while width(left) + width(right) > rect.width, right.count > 1 {
            right.remove(at: right.count > 2 ? 1 : right.count - 1)
        }
        StatusLineWidget.draw(left: left, right: right, in: rect, on: &canvas)
    }
}
