import Domain
import Testing

/// The policy as data and rules, without a database: seed 000's matrix exactly, the owner
/// rules of issue 3, and a reason a person can read for every denial.
@Suite struct RBACPolicyTests {
    /// Seed 000's "RBAC Permission Matrix" table, row by row (owner, admin, member, viewer).
    static let seedMatrix: [(Permission, [Bool])] = [
        (.viewWorkspace, [true, true, true, true]),
        (.manageAgents, [true, true, true, false]),
        (.manageTeam, [true, true, false, false]),
        (.viewBilling, [true, false, false, false]),
        (.manageBilling, [true, false, false, false]),
        (.deleteWorkspace, [true, false, false, false]),
        (.manageIntegrations, [true, true, false, false]),
        (.viewAPIKeys, [true, true, true, false]),
        (.createAPIKeys, [true, true, true, false]),
        (.viewAuditLog, [true, true, false, false]),
    ]

    static let roles: [Role] = [.owner, .admin, .member, .viewer]

    @Test func theMatrixIsSeed000s() {
        #expect(Self.seedMatrix.count == Permission.allCases.count)
        for (permission, row) in Self.seedMatrix {
            for (role, allowed) in zip(Self.roles, row) {
                #expect(RBACMatrix.allows(role, permission) == allowed, "\(role) \(permission)")
                #expect(Policy(actorRole: role).can(permission).isAllowed == allowed)
            }
        }
        #expect(RBACMatrix.minimumRole(for: .manageTeam) == .admin)
        #expect(RBACMatrix.minimumRole(for: .viewBilling) == .owner)
        #expect(RBACMatrix.minimumRole(for: .viewWorkspace) == .viewer)
    }

    @Test func higherRolesHoldEveryPermissionOfLowerOnes() {
        for (higher, lower) in zip(Self.roles, Self.roles.dropFirst()) {
            #expect(
                RBACMatrix.permissions(of: lower).isSubset(of: RBACMatrix.permissions(of: higher)))
            #expect(higher > lower)
        }
    }

    @Test func everyDenialSaysWhyInWords() {
        for role in Self.roles {
            for permission in Permission.allCases {
                guard let reason = Policy(actorRole: role).can(permission).reason else {
                    continue
                }
                #expect(reason.count > 10 && reason.first?.isUppercase == true, "\(reason)")
                #expect(!reason.contains("_"), "raw identifiers in \(reason)")
            }
        }
        #expect(
            Policy(actorRole: .member).can(.manageTeam).reason
                == "Only admins and owners can manage members")
        #expect(
            Policy(actorRole: .admin).can(.viewBilling).reason == "Only owners can view billing")
    }

    @Test func aDenialEnforcesAsForbiddenWithItsReason() {
        #expect(throws: Never.self) { try Decision.allowed.enforce() }
        #expect(throws: DomainError.forbidden(reason: "A workspace needs at least one owner")) {
            try Decision.denied(.lastOwner).enforce()
        }
        #expect(Decision.allowed.reason == nil)
    }

    static func snapshot(_ role: Role, _ status: MemberStatus) -> MemberSnapshot {
        MemberSnapshot(
            id: MemberID(uuid("10000000-0000-0000-0000-0000000000ff")), email: "t@example.com",
            displayName: "Target", role: role, status: status, version: RowVersion("v"))
    }

    /// Issue 3's rules, written out independently of `Policy`, for every actor, target role,
    /// target status, new role and owner count.
    @Test func teamDecisionsFollowTheRules() {
        for actor in Self.roles {
            let policy = Policy(actorRole: actor)
            let manager = actor == .owner || actor == .admin
            for newRole in Self.roles {
                #expect(
                    policy.invite(as: newRole).isAllowed
                        == (manager && (newRole != .owner || actor == .owner)))
            }
            for targetRole in Self.roles {
                for status in MemberStatus.allCases {
                    let target = Self.snapshot(targetRole, status)
                    let ownerRule = targetRole != .owner || actor == .owner
                    for owners in [1, 2] {
                        let keepsOwner = !(targetRole == .owner && status == .active && owners <= 1)
                        for newRole in Self.roles {
                            let expected =
                                manager && status != .pending && newRole != targetRole
                                && (newRole != .owner || actor == .owner) && ownerRule && keepsOwner
                            #expect(
                                policy.changeRole(of: target, to: newRole, activeOwners: owners)
                                    .isAllowed == expected,
                                "\(actor) changes \(targetRole)/\(status) to \(newRole) with \(owners) owners"
                            )
                        }
                        #expect(
                            policy.deactivate(target, activeOwners: owners).isAllowed
                                == (manager && status == .active && ownerRule && keepsOwner))
                        #expect(
                            policy.remove(target, activeOwners: owners).isAllowed
                                == (manager && status != .pending && ownerRule && keepsOwner))
                    }
                    #expect(
                        policy.reactivate(target).isAllowed
                            == (manager && status == .inactive && ownerRule))
                    #expect(
                        policy.resend(target).isAllowed
                            == (manager && status == .pending && ownerRule))
                    #expect(
                        policy.revoke(target).isAllowed
                            == (manager && status == .pending && ownerRule))
                }
            }
        }
    }

    @Test func ownerRuleReasonsReadAsTheUISaysThem() {
        let lastOwner = Policy(actorRole: .owner).remove(
            Self.snapshot(.owner, .active), activeOwners: 1)
        #expect(lastOwner == .denied(.lastOwner))
        #expect(lastOwner.reason == "A workspace needs at least one owner")
        #expect(
            Policy(actorRole: .admin).changeRole(
                of: Self.snapshot(.viewer, .active), to: .owner, activeOwners: 1
            ).reason == "Only owners can grant the owner role")
    }
}
