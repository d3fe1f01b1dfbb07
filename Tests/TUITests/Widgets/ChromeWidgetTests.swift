import Testing

@testable import TUI

/// Tab bar, status line, flash and banner: the frame around every screen.
@Suite struct ChromeWidgetTests {
    private let tabs = [
        TabItem("Team", keyHint: "1"), TabItem("Billing", keyHint: "2"),
        TabItem("Integrations", keyHint: "3"),
    ]

    private func screen(width: Int, activeTab: Int, readOnly: Bool) -> Canvas {
        var canvas = Canvas(width: width, height: 6)
        TabBarWidget.draw(
            tabs, active: activeTab, trailing: "Acme Corp",
            in: Rect(x: 0, y: 0, width: width, height: 1),
            on: &canvas)
        BannerWidget.draw(
            "Trial ends in 3 days. Choose a plan to keep your traces.", severity: .warning,
            in: Rect(x: 0, y: 1, width: width, height: 1), on: &canvas)
        FlashWidget.draw(
            "Only owners can change the plan", severity: .error,
            in: Rect(x: 0, y: 3, width: width, height: 1), on: &canvas)
        var right: [StatusSegment] = [
            StatusSegment("● connected"), StatusSegment("refreshed 4m ago"),
        ]
        if readOnly {
            right.insert(.badge("READ-ONLY"), at: 0)
        }
        StatusLineWidget.draw(
            left: [.accent("demo@example.com · owner"), StatusSegment("Acme Corp")], right: right,
            in: Rect(x: 0, y: 5, width: width, height: 1), on: &canvas)
        return canvas
    }

    @Test func chromeAt80() {
        assertSnapshot(
            screen(width: 80, activeTab: 1, readOnly: true), named: "chrome-80", styled: true)
    }

    @Test func chromeAt50() {
        assertSnapshot(
            screen(width: 50, activeTab: 2, readOnly: false), named: "chrome-50", styled: true)
    }

    @Test func bannerWrapsWhenGivenRows() {
        let text =
            "Payment failed: the card on file was declined. Update the payment method within 7 days to avoid suspension."
        #expect(BannerWidget.height(of: text, severity: .error, width: 40) == 3)
        var canvas = Canvas(width: 40, height: 3)
        BannerWidget.draw(text, severity: .error, in: canvas.bounds, on: &canvas)
        assertSnapshot(canvas, named: "banner-error-40x3")
    }

    @Test func statusLineKeepsRightSegmentsWhenNarrow() {
        var canvas = Canvas(width: 40, height: 1)
        StatusLineWidget.draw(
            left: [StatusSegment("a-very-long-workspace-name-that-does-not-fit")],
            right: [.badge("READ-ONLY"), StatusSegment("reconnecting…")], in: canvas.bounds,
            on: &canvas)
        #expect(canvas.text().hasSuffix(" READ-ONLY  reconnecting…"))
        #expect(canvas.text().contains("…"))
    }
}
