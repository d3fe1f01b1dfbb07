import Foundation
import Postgres
import TestSupport
import Testing

/// The real binary on the demo cluster, one demo per role, driven by keys in tmux; what the
/// console claims to have done is checked in the database itself.
@Suite("each role in a real terminal", .serialized)
struct RoleEndToEndTests {
    @Test func adminInvitesChangesARoleDeactivatesAndManagesAnIntegration() throws {
        let demo = try DemoRun("--as admin")
        defer { demo.close() }
        try demo.waitFor("admin@example.com (admin)")

        // Invite: the form, the role picker, the link shown once.
        try demo.press("i")
        try demo.waitFor("Invite a member")
        try demo.type("e2e-new@example.com")
        try demo.press("Tab")
        try demo.type("v")
        try demo.press("Enter")
        let receipt = try demo.waitFor("will not be shown again")
        #expect(receipt.contains("https://app.example.com/invite/accept?token="))
        #expect(
            try demo.value(
                "SELECT role || '/' || status FROM team_members WHERE invitation_email = $1",
                ["e2e-new@example.com"])
                == "viewer/pending")
        try demo.press("Enter")
        try demo.waitFor("e2e-new@example.com")

        // Change the viewer's role to member.
        try demo.select(member: "viewer@example.com")
        try demo.press("c")
        try demo.waitFor("New role")
        try demo.type("m")
        try demo.press("Enter")
        try demo.waitFor("Role changed to member")
        #expect(
            try demo.value(
                "SELECT tm.role FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE u.email = $1",
                ["viewer@example.com"]) == "member")

        // Deactivate the member, confirmed.
        try demo.select(member: "member@example.com")
        try demo.press("d")
        try demo.waitFor("Deactivate member")
        try demo.press("Enter")
        try demo.waitFor("Member deactivated")
        #expect(
            try demo.value(
                "SELECT tm.status FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE u.email = $1",
                ["member@example.com"]) == "inactive")
        let refreshed = try demo.tmux.waitFor("the list to show the deactivation") {
            $0.contains("member@example.com") && $0.contains("inactive")
        }
        #expect(refreshed.contains("Member deactivated"))
        #expect(
            try demo.value(
                """
                SELECT string_agg(a.action, ',' ORDER BY a.created_at) FROM audit_logs a JOIN users u ON u.id = a.user_id
                WHERE u.email = 'admin@example.com' AND a.action LIKE 'team.%'
                """) == "team.invite,team.change_role,team.deactivate")

        // An integration: add with sealed credentials, test, disable, remove.
        try demo.press("Escape", "3")
        try demo.waitFor("Error Tracking")
        try demo.press("a")
        try demo.waitFor("Add integration")
        try demo.type("w")
        try demo.press("Tab")
        try demo.type("E2E Hook")
        try demo.press("Tab")
        // The receiver is a local server: test deliveries never leave the machine.
        let receiver = try LoopbackHTTPServer()
        try demo.type(receiver.url("/ok"))
        try demo.press("Tab", "Tab", "Tab")
        try demo.type("60")
        try demo.press("Tab")
        try demo.type("tok-e2e-secret")
        try demo.press("Enter")
        try demo.waitFor("Added E2E Hook")
        #expect(
            try demo.value(
                "SELECT integration_type || '/' || rate_limit_per_minute || '/' || (config_data->>'url') FROM integrations_config WHERE integration_name = 'E2E Hook'"
            )
                == "webhook/60/" + receiver.url("/ok"))
        let sealed = try #require(
            try demo.value(
                "SELECT credentials_encrypted FROM integrations_config WHERE integration_name = 'E2E Hook'"
            ))
        #expect(
            sealed.hasPrefix("v1:") && !sealed.contains("tok-e2e-secret"), "credentials are sealed")

        try demo.waitFor("? unknown   E2E Hook")
        try demo.press("j", "Enter")
        try demo.waitFor("config.url")
        let detail = try demo.waitFor("E2E Hook")
        #expect(detail.contains("Credentials      configured"))
        #expect(!detail.contains("tok-e2e-secret"))
        try demo.press("t")
        try demo.waitFor("E2E Hook: test delivered (HTTP 200)")
        #expect(try receiver.received().first?.headers["authorization"] == "Bearer tok-e2e-secret")
        try demo.press("Space")
        try demo.waitFor("Disabled E2E Hook")
        #expect(
            try demo.value(
                "SELECT is_enabled::text FROM integrations_config WHERE integration_name = 'E2E Hook'"
            ) == "false")
        try demo.press("X")
        try demo.waitFor("Remove integration")
        try demo.press("Enter")
        // The row leaves the list (and the database). The "Removed E2E Hook" flash lasts 4 s,
        // which a poll on a loaded two-core machine has missed; its wording is checked in
        // IntegrationCommandTests and EffectRunnerTests.
        try demo.tmux.waitFor("E2E Hook removed from the list", timeout: 15) { screen in
            screen.contains("Removed E2E Hook")
                || (!screen.contains("E2E Hook") && !screen.contains("Remove integration"))
        }
        #expect(
            try demo.value(
                "SELECT count(*) FROM integrations_config WHERE integration_name = 'E2E Hook'")
                == "0")
        try demo.quit()
    }

    @Test func viewerCannotOpenBillingAndSeesWhyEvenAfterResizing() throws {
        let demo = try DemoRun("--as viewer", width: 100, height: 30)
        defer { demo.close() }
        let before = try demo.fingerprint()
        try demo.press("2")
        try demo.waitFor("Only owners can view billing")
        #expect(!(try demo.tmux.screen()).contains("650,000"))
        try demo.press("p")
        try demo.waitFor("Only owners can change the plan")
        try demo.tmux.resize(width: 80, height: 24)
        // Whole again: tab bar on top, the panel framed, the status line at the bottom.
        let small = try demo.tmux.waitFor("the 80x24 screen to be redrawn whole") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.first?.contains("1 Team") == true
                && screen.contains("Billing is not available to you")
                && screen.contains("┐") && screen.contains("┘")
                && screen.contains("viewer@example.com (viewer)")
        }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try demo.tmux.resize(width: 50, height: 12)
        try demo.waitFor("too small")
        try demo.tmux.resize(width: 120, height: 40)
        try demo.waitFor("Only owners can view billing")
        try demo.press("3")
        try demo.waitFor("Error Tracking")
        try demo.press("a")
        try demo.waitFor("Only admins and owners can manage integrations")
        try demo.press("1", "i")
        try demo.waitFor("Only admins and owners can manage members")
        #expect(try demo.fingerprint() == before, "a viewer changed nothing")
        try demo.quit()
    }

    @Test func memberSeesHealthButIsToldWhyForEveryChange() throws {
        let demo = try DemoRun("--as member")
        defer { demo.close() }
        let before = try demo.fingerprint()
        try demo.press("i")
        try demo.waitFor("Only admins and owners can manage members")
        try demo.press("3")
        try demo.waitFor("▲ degraded  Custom Analytics Endpoint")
        let reason = "Only admins and owners can manage integrations"
        for key in ["a", "e", "Space", "t", "X"] {
            try demo.press("Escape")
            try demo.tmux.waitFor("the last message to clear") { !$0.contains(reason) }
            try demo.press(key)
            try demo.waitFor(reason)
        }
        try demo.press("Enter")
        try demo.waitFor("config.url")
        try demo.press("Escape", "A")
        try demo.waitFor("Only admins and owners can read the audit log")
        try demo.press("2")
        try demo.waitFor("Only owners can view billing")
        #expect(try demo.fingerprint() == before, "a member changed nothing")
        try demo.quit()
    }

    @Test func ownerCannotDemoteThemselvesAsLastOwnerButChangesThePlan() throws {
        let demo = try DemoRun("--as owner")
        defer { demo.close() }
        try demo.select(member: "demo@example.com")
        try demo.press("c")
        try demo.waitFor("A workspace needs at least one owner")
        #expect(!(try demo.tmux.screen()).contains("New role"), "no picker opens")
        try demo.press("Escape")
        try demo.tmux.waitFor("the message to clear") {
            !$0.contains("A workspace needs at least one owner")
        }
        try demo.press("d")
        try demo.waitFor("A workspace needs at least one owner")
        #expect(
            try demo.value(
                "SELECT tm.role || '/' || tm.status FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE u.email = 'demo@example.com'"
            )
                == "owner/active")

        try demo.press("Escape", "2")
        try demo.waitFor("650,000 / 1,000,000 traces (65%)")
        try demo.press("p")
        try demo.waitFor("everything in use fits")
        try demo.type("f")
        try demo.waitFor("Would no longer fit on the Free plan")
        try demo.press("Enter")
        try demo.waitFor("▲ 650,000 traces this month")
        #expect(try demo.value("SELECT plan_type FROM billing_config") == "professional")
        try demo.type("e")
        try demo.press("Enter")
        try demo.waitFor("Nothing is lost: every limit stays or grows.")
        #expect(try demo.value("SELECT plan_type FROM billing_config") == "professional")
        try demo.press("Enter")
        try demo.waitFor("Plan changed to Enterprise")
        #expect(try demo.value("SELECT plan_type FROM billing_config") == "enterprise")
        try demo.press("c")
        try demo.waitFor("Cancel plan")
        try demo.press("Enter")
        try demo.waitFor("Cancellation requested")
        #expect(
            try demo.value(
                "SELECT cancellation_requested::text || '/' || auto_renew::text FROM billing_config"
            ) == "true/false")
        try demo.press("u")
        try demo.waitFor("Resume plan")
        try demo.press("Enter")
        try demo.waitFor("Cancellation withdrawn")
        #expect(
            try demo.value(
                "SELECT cancellation_requested::text || '/' || auto_renew::text FROM billing_config"
            ) == "false/true")
        try demo.quit()
    }

    @Test func readOnlyRefusesEveryWriteKeyOnEveryTab() throws {
        let demo = try DemoRun("--as owner --readonly")
        defer { demo.close() }
        let before = try demo.fingerprint()
        #expect(try demo.waitFor("READ-ONLY").contains("demo@example.com (owner)"))
        let writeKeys: [(tab: String, ready: String, keys: [String])] = [
            ("1", "pending@example.com", ["i", "c", "d", "a", "X", "DC", "s", "x"]),
            ("2", "650,000", ["p", "c", "u"]),
            ("3", "Error Tracking", ["a", "e", "Space", "t", "X", "DC"]),
        ]
        // A refused write key only flashes the read-only reason (help covers it). Help
        // (`?`) is the marker: keys are read in order, so once help is open the write key
        // before it has been handled, and had it opened a dialog, `?` would have gone there.
        let help = "─ Keys · "
        for tab in writeKeys {
            try demo.press(tab.tab)
            try demo.waitFor(tab.ready)
            for key in tab.keys {
                try demo.press(key, "?")
                let screen = try demo.tmux.waitFor("help after \(key) on tab \(tab.tab)") {
                    $0.contains(help) || $0.contains("(Enter) ]")
                }
                #expect(
                    !screen.contains("(Enter) ]"),
                    "\(key) on tab \(tab.tab) opened a dialog:\n\(screen)")
                #expect(screen.contains("READ-ONLY"))
                try demo.press("Escape")
                try demo.tmux.waitFor("help to close") { !$0.contains(help) }
            }
        }
        // The command line refuses write verbs too, and says so.
        try demo.press(":")
        try demo.type("invite ro@example.com viewer")
        try demo.press("Enter")
        // The refusal is decided in `update`, which then asks for no effect: once it shows,
        // nothing can still be on its way to the database.
        try demo.waitFor("Read-only mode: changes are disabled")
        #expect(try demo.fingerprint() == before, "read-only mode changed the database")
        try demo.quit()
    }
}
