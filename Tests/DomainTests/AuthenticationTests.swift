import Domain
import Foundation
import Postgres
import TestSupport
import Testing

/// Password login checked inside PostgreSQL: the demo users get in; everything else gets the
/// same `.invalidCredentials`; five failures lock the account, whatever connection asks next.
@Suite struct AuthenticationTests {
    let world: TeamWorld

    init() async throws {
        world = try await TeamWorld()
    }

    func login(_ email: String, _ password: String = DemoTeam.password, workspace: String? = nil)
        async throws(DomainError) -> Session
    {
        try await Authenticator(client: world.app)
            .login(email: email, password: Secret(password), workspace: workspace)
    }

    @Test(arguments: Role.allCases)
    func demoUsersLogInWithTheDemoPassword(role: Role) async throws {
        let session = try await login(DemoTeam.email(role))
        #expect(session.role == role)
        #expect(session.workspaceID == DemoTeam.workspaceID)
        #expect(session.workspaceName == "Acme Corp")
        #expect(session.memberID == DemoTeam.memberID(role))
        #expect(session.email == DemoTeam.email(role))
        #expect(session.authMethod == "password")
    }

    @Test func emailIsMatchedCaseInsensitivelyAndTrimmed() async throws {
        #expect(try await login("  Admin@EXAMPLE.com ").role == .admin)
    }

    @Test func everyFailureLooksTheSame() async throws {
        try await world.admin.query(
            "UPDATE team_members SET deleted_at = now() WHERE id = $1",
            [DemoTeam.memberMember.rawValue])
        let attempts: [(String, String)] = [
            ("demo@example.com", "wrong-pass"),
            ("demo@example.com", "Demo-pass"),
            ("demo@example.com", ""),
            ("demo@example.com", "demo-pass\u{0}"),
            ("demo@example.com", "demo-pass\u{0}anything"),
            ("nobody@example.com", DemoTeam.password),
            (DemoTeam.formerEmail, DemoTeam.password),
            ("member@example.com", DemoTeam.password),
            (DemoTeam.pendingEmail, DemoTeam.password),
            ("not an email", DemoTeam.password),
            ("demo@example.com' OR '1'='1", DemoTeam.password),
            ("demo@example.com", String(repeating: "x", count: 5000)),
        ]
        for (email, password) in attempts {
            let error = await domainError { () async throws(DomainError) in
                try await login(email, password)
            }
            #expect(
                error == .invalidCredentials,
                "\(email.debugDescription) / \(password.prefix(20).debugDescription)")
            #expect(error?.userMessage == "Invalid credentials")
        }
    }

    @Test func fiveFailuresLockTheAccountForEveryConnection() async throws {
        for _ in 0..<5 {
            #expect(
                await domainError { () async throws(DomainError) in
                    try await login("admin@example.com", "nope")
                } == .invalidCredentials)
        }
        // Even the right password is refused now, from a fresh client (a new process would
        // be the same: the count lives in the database).
        let locked = await domainError { () async throws(DomainError) in
            try await login("admin@example.com")
        }
        guard case .locked = locked else {
            Issue.record("expected .locked, got \(String(describing: locked))")
            return
        }
        let again = await domainError { () async throws(DomainError) in
            try await Authenticator(client: world.database.appClient()).login(
                email: "admin@example.com", password: Secret(DemoTeam.password))
        }
        #expect(again == locked)
        // Only that account: the others still log in.
        #expect(try await login("viewer@example.com").role == .viewer)
        // After the lock window passes, the right password works again.
        try await world.admin.query(
            "UPDATE login_attempts SET attempted_at = attempted_at - interval '31 minutes' WHERE email = 'admin@example.com'"
        )
        #expect(try await login("admin@example.com").role == .admin)
    }

    @Test func fourFailuresThenASuccessStartTheCountAgain() async throws {
        for _ in 0..<4 {
            _ = await domainError { () async throws(DomainError) in
                try await login("viewer@example.com", "nope")
            }
        }
        #expect(try await login("viewer@example.com").role == .viewer)
        for _ in 0..<4 {
            _ = await domainError { () async throws(DomainError) in
                try await login("viewer@example.com", "nope")
            }
        }
        #expect(try await login("viewer@example.com").role == .viewer)
    }

    @Test func aDeactivatedMemberIsLockedOutAtOnce() async throws {
        #expect(try await login("viewer@example.com").role == .viewer)
        try await world.store(.admin).deactivate(DemoTeam.viewerMember)
        #expect(
            await domainError { () async throws(DomainError) in
                try await login("viewer@example.com")
            } == .invalidCredentials)
    }

    @Test func aMemberOfTwoWorkspacesPicksOne() async throws {
        _ = try await SecondWorkspace.create(in: world)
        try await world.admin.query(
            """
            INSERT INTO team_members (workspace_id, user_id, role, status, accepted_at)
            VALUES ($1, $2, 'viewer', 'active', now())
            """, [SecondWorkspace.id.rawValue, try await world.userID("demo@example.com").rawValue])
        let acme = try await login("demo@example.com", workspace: "acme")
        #expect(acme.role == .owner && acme.workspaceID == DemoTeam.workspaceID)
        let globex = try await login("demo@example.com", workspace: "Globex")
        #expect(globex.role == .viewer && globex.workspaceID == SecondWorkspace.id)
        let elsewhere = await domainError { () async throws(DomainError) in
            try await login("admin@example.com", workspace: "globex")
        }
        #expect(elsewhere?.isNotFound == true)
    }
}
