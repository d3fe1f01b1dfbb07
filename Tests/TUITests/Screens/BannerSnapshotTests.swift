import Domain
import Foundation
import Testing
import ViewModels

@testable import TUI

/// Billing banners, the too-small screen, hostile and wide text, at both sizes
/// (`__Snapshots__/banner-*`, `edge-*`).
@Suite("Banners and edge cases as text snapshots")
struct BannerSnapshotTests {
    let now = ScreenFixtures.now

    private func render(_ state: AppState, _ size: SnapshotSize) -> Canvas {
        ConsoleScreen.render(state, size: Size(width: size.width, height: size.height), now: now)
    }

    private func billingState(_ overview: BillingOverview) -> AppState {
        var state = ScreenFixtures.viewState(.owner, .billing)
        _ = state.update(.billing(.loaded(.success(overview))), now: now)
        return state
    }

    @Test func trialShowsTheDaysLeft() {
        let state = billingState(
            ScreenFixtures.billing(
                plan: .starter, status: .trialing, traces: 42_000,
                trialEndsAt: now.addingTimeInterval(5 * 86_400)))
        for size in SnapshotSize.both {
            let canvas = render(state, size)
            #expect(canvas.text().contains("Trial: 5 days left"))
            assertSnapshot(canvas, named: "banner-trialing-\(size)", styled: size.width == 80)
        }
    }

    @Test func pastDueWarnsAboutSuspension() {
        let state = billingState(ScreenFixtures.billing(status: .pastDue, traces: 870_000))
        for size in SnapshotSize.both {
            let canvas = render(state, size)
            #expect(canvas.text().contains("Payment past due"))
            #expect(canvas.text().contains("approaching limit"))
            assertSnapshot(canvas, named: "banner-past-due-\(size)", styled: size.width == 80)
        }
    }

    @Test func cancellationRequestedSaysWhenAndHowToResume() {
        let state = billingState(ScreenFixtures.billing(cancellation: true))
        for size in SnapshotSize.both {
            let canvas = render(state, size)
            #expect(canvas.text().contains("Cancellation requested: the plan ends on 2026-11-30"))
            assertSnapshot(canvas, named: "banner-cancellation-\(size)")
        }
    }

    @Test func exceededTracesAreRedWithTheWord() {
        let state = billingState(ScreenFixtures.billing(traces: 1_300_000))
        for size in SnapshotSize.both {
            let canvas = render(state, size)
            #expect(canvas.text().contains("exceeded"))
            assertSnapshot(canvas, named: "banner-exceeded-\(size)", styled: size.width == 80)
        }
    }

    @Test func enterpriseReadsUnlimited() {
        let state = billingState(ScreenFixtures.billing(plan: .enterprise, traces: 42_000_000))
        let canvas = render(state, .small)
        #expect(canvas.text().contains("unlimited"))
        assertSnapshot(canvas, named: "billing-enterprise-80x24")
    }

    @Test func healthListReadsWithoutColourAndDimsDisabled() {
        let canvas = render(ScreenFixtures.viewState(.admin, .integrations), .small)
        assertSnapshot(canvas, named: "edge-health-styles-80x24", styled: true)
    }

    @Test(arguments: [(59, 15), (80, 14), (30, 40)])
    func tooSmallSaysWhatItNeeds(width: Int, height: Int) {
        let canvas = ConsoleScreen.render(
            ScreenFixtures.viewState(.owner, .billing), size: Size(width: width, height: height),
            now: now)
        #expect(canvas.text().contains("too small"))
        assertSnapshot(canvas, named: "edge-too-small-\(width)x\(height)")
    }

    @Test func hostileAndWideTextNeverReachTheTerminalRaw() {
        let hostile = "Ops\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{202E}kcab"
        let integrations = [
            ScreenFixtures.integration(
                1, .webhook, hostile, enabled: true, health: .unhealthy,
                error: "HTTP 500\u{1B}[31m from\u{0} upstream", sent: 10, errors: 9,
                checkedMinutesAgo: 2),
            ScreenFixtures.integration(
                2, .slack, "東京アラート 🚨 チャンネル", enabled: true, health: .healthy, sent: 5,
                checkedMinutesAgo: 3),
        ]
        let members = [
            ScreenFixtures.member(
                7, hostile, "eve@example.com", .member, .active, activeHoursAgo: 3),
            ScreenFixtures.member(
                8, "山田太郎 🚀 Ünïcødé", "yamada@example.jp", .viewer, .active, activeHoursAgo: 4),
        ]
        var team = ScreenFixtures.state(.admin, members: members)
        _ = team.update(.integration(.listLoaded(.success(integrations))), now: now)
        var integrationsTab = team
        integrationsTab.tab = .integrations
        for size in SnapshotSize.both {
            for (name, state) in [("team", team), ("integrations", integrationsTab)] {
                let canvas = render(state, size)
                let text = canvas.text()
                #expect(!text.contains("\u{1B}"))
                #expect(!text.contains("\u{07}"))
                #expect(!text.contains("\u{202E}"))
                #expect(!text.contains("\u{0}"))
                assertSnapshot(canvas, named: "edge-hostile-wide-\(name)-\(size)")
            }
        }
    }
}
