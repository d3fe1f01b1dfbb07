import Testing

@testable import Domain

/// Every reason the console gives for a refusal, with its exact words: the table is what users
/// read, so a changed word is a deliberate edit here too.
@Suite struct DenialWordingTests {
    static let table: [(Denial, String)] = [
        (.lacksPermission(.viewWorkspace), "Only members of this workspace can see it"),
        (.lacksPermission(.manageAgents), "Viewers cannot create or edit agents"),
        (.lacksPermission(.manageTeam), "Only admins and owners can manage members"),
        (.lacksPermission(.viewBilling), "Only owners can view billing"),
        (.lacksPermission(.manageBilling), "Only owners can change the plan"),
        (.lacksPermission(.deleteWorkspace), "Only owners can delete the workspace"),
        (.lacksPermission(.manageIntegrations), "Only admins and owners can manage integrations"),
        (.lacksPermission(.viewAPIKeys), "Viewers cannot see API keys"),
        (.lacksPermission(.createAPIKeys), "Viewers cannot create API keys"),
        (.lacksPermission(.viewAuditLog), "Only admins and owners can read the audit log"),
        (.onlyOwnersGrantOwner, "Only owners can grant the owner role"),
        (.onlyOwnersChangeOwnersRole, "Only owners can change an owner's role"),
        (.pendingKeepsItsRole, "Pending invitations keep their role; revoke and invite again"),
        (.alreadyHasRole(name: "Ada Lovelace", role: .admin), "Ada Lovelace is already admin"),
        (.lastOwner, "A workspace needs at least one owner"),
        (.onlyActiveCanBeDeactivated, "Only active members can be deactivated"),
        (.onlyOwnersDeactivateOwner, "Only owners can deactivate an owner"),
        (.onlyInactiveCanBeReactivated, "Only inactive members can be reactivated"),
        (.onlyOwnersReactivateOwner, "Only owners can reactivate an owner"),
        (.revokeInsteadOfRemove, "Revoke the invitation instead"),
        (.onlyOwnersRemoveOwner, "Only owners can remove an owner"),
        (.onlyPendingCanBeResent, "Only pending invitations can be resent"),
        (.onlyPendingCanBeRevoked, "Only pending invitations can be revoked"),
        (.onlyOwnersManageOwnerInvitations, "Only owners can manage owner invitations"),
        (.sshKeysNeedAdmin, "Only admins and owners can see and manage SSH keys"),
        (.onlyOwnersManageOwnersKeys, "Only owners can manage an owner's SSH keys"),
        (.onlyOwnersManageOtherAdminsKeys, "Only owners can manage another admin's SSH keys"),
        (
            .keysAreAddedPerMember,
            "Keys are added per member: press K on a member, or :keys EMAIL"
        ),
        (.noKeyToRemove, "There is no key to remove"),
        (
            .blocked(.conflict(reason: "no cancellation is scheduled")),
            "No cancellation is scheduled"
        ),
        (
            .integrationLimitReached(limit: 5),
            "The plan allows 5 integrations, all in use; remove one or upgrade the plan"
        ),
        (.alreadyEnabled(name: "PagerDuty", enabled: true), "PagerDuty is already enabled"),
        (.alreadyEnabled(name: "PagerDuty", enabled: false), "PagerDuty is already disabled"),
        (.readOnly, "Read-only mode: changes are disabled"),
        (.noMemberSelected, "Select a member first"),
        (.noIntegrationSelected, "Select an integration first"),
        (.billingStillLoading, "Billing is still loading"),
    ]

    @Test(arguments: table)
    func wording(_ denial: Denial, _ words: String) {
        #expect(denial.text == words)
        #expect("\(denial)" == words)
        #expect(Decision.denied(denial).reason == words)
    }

    /// A reason is a sentence for people: capitalised, no identifiers, no trailing full stop
    /// (it is shown as a flash), and long enough to say why rather than just "No".
    @Test(arguments: table)
    func readsAsAReason(_ denial: Denial, _ words: String) {
        #expect(words.first?.isUppercase == true, "\(words)")
        #expect(!words.contains("_") && !words.hasSuffix("."), "\(words)")
        #expect(words.split(separator: " ").count >= 4, "\(words)")
    }

    /// Adding a case fails to compile in `kind` until it is numbered there, and this test
    /// fails until the table has a row for it.
    @Test func theTableCoversEveryCase() {
        #expect(Set(Self.table.map { Self.kind($0.0) }) == Set(0..<Self.kinds))
        let permissions = Self.table.compactMap { row -> Permission? in
            if case .lacksPermission(let permission) = row.0 { return permission }
            return nil
        }
        #expect(Set(permissions) == Set(Permission.allCases))
    }

    static let kinds = 27

    static func kind(_ denial: Denial) -> Int {
        switch denial {
        case .lacksPermission: 0
        case .onlyOwnersGrantOwner: 1
        case .onlyOwnersChangeOwnersRole: 2
        case .pendingKeepsItsRole: 3
        case .alreadyHasRole: 4
        case .lastOwner: 5
        case .onlyActiveCanBeDeactivated: 6
        case .onlyOwnersDeactivateOwner: 7
        case .onlyInactiveCanBeReactivated: 8
        case .onlyOwnersReactivateOwner: 9
        case .revokeInsteadOfRemove: 10
        case .onlyOwnersRemoveOwner: 11
        case .onlyPendingCanBeResent: 12
        case .onlyPendingCanBeRevoked: 13
        case .onlyOwnersManageOwnerInvitations: 14
        case .sshKeysNeedAdmin: 15
        case .onlyOwnersManageOwnersKeys: 16
        case .onlyOwnersManageOtherAdminsKeys: 17
        case .keysAreAddedPerMember: 18
        case .noKeyToRemove: 19
        case .blocked: 20
        case .integrationLimitReached: 21
        case .alreadyEnabled: 22
        case .readOnly: 23
        case .noMemberSelected: 24
        case .noIntegrationSelected: 25
        case .billingStillLoading: 26
        }
    }

    /// The store and the view-models refuse with the same words: the store's `forbidden`.
    @Test func enforcingCarriesTheWords() {
        #expect(throws: DomainError.forbidden(reason: "Only owners can remove an owner")) {
            try Decision.denied(.onlyOwnersRemoveOwner).enforce()
        }
    }
}
