import Domain
import Foundation
import Testing

@testable import ViewModels

/// The SSH keys panel as call sequences: opening it from the Team tab or `:keys`, adding,
/// confirming a removal, the policy's reasons, and what a refusal leaves behind.
@Suite struct SSHKeysPanelTests {
    let now = Fixtures.now

    static func key(_ email: String, role: Role, fingerprint: String, user: UserID = UserID(UUID()))
        -> SSHKeyRecord
    {
        SSHKeyRecord(
            id: UUID(), userID: user, email: email, memberRole: role, keyType: "ssh-ed25519",
            fingerprint: fingerprint, comment: "laptop", createdAt: Fixtures.now,
            createdByEmail: "admin@example.com",
            lastUsedAt: nil)
    }

    static let viewerKey = key(
        "user4@example.com", role: .viewer,
        fingerprint: "SHA256:" + String(repeating: "v", count: 43))
    static let ownerKey = key(
        "owner@example.com", role: .owner,
        fingerprint: "SHA256:" + String(repeating: "o", count: 43))

    /// An admin's console with the Team list loaded, the viewer (row 4) selected.
    func adminState(readOnly: Bool = false) -> AppState {
        var state = Fixtures.state(
            .admin,
            members: [
                Fixtures.member(1, role: .owner), Fixtures.member(2, role: .admin),
                Fixtures.member(3),
                Fixtures.member(4, role: .viewer), Fixtures.member(5, status: .pending),
            ], readOnly: readOnly)
        _ = state.update(.moved(3), now: now)
        return state
    }

    func panel(_ state: AppState) -> SSHKeysPanel? {
        if case .sshKeys(let panel) = state.dialog { return panel }
        return nil
    }

    @Test func kOpensTheSelectedMembersKeysAndLoadsThem() {
        var state = adminState()
        #expect(
            state.update(.keys(.memberKeysRequested), now: now) == [
                .keys(.load(email: "user4@example.com"))
            ])
        let opened = panel(state)
        #expect(opened?.email == "user4@example.com")
        #expect(opened?.memberRole == .viewer)
        #expect(opened?.isLoading == true)
        _ = state.update(
            .keys(.loaded(email: "user4@example.com", .success([Self.viewerKey]))), now: now)
        #expect(panel(state)?.keys == [Self.viewerKey])
        #expect(panel(state)?.isLoading == false)
        // A late answer for another scope is ignored.
        _ = state.update(.keys(.loaded(email: nil, .success([]))), now: now)
        #expect(panel(state)?.keys == [Self.viewerKey])
    }

    @Test(arguments: [Role.member, .viewer])
    func membersAndViewersAreToldWhyNot(role: Role) {
        var state = Fixtures.state(role, members: [Fixtures.member(1)])
        #expect(state.update(.keys(.memberKeysRequested), now: now).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Only admins and owners can see and manage SSH keys")
        #expect(state.update(.commandLineOpened, now: now).isEmpty)
        _ = state.update(.commandLineEdited("keys"), now: now)
        #expect(state.update(.commandLineSubmitted, now: now).isEmpty)
        #expect(state.dialog == nil)
    }

    @Test func pendingInvitationsHaveNoKeys() {
        var state = adminState()
        _ = state.update(.moved(1), now: now)
        #expect(state.update(.keys(.memberKeysRequested), now: now).isEmpty)
        #expect(state.flash?.text.contains("has not accepted the invitation yet") == true)
    }

    @Test func theCommandLineOpensAnyonesOrEveryonesKeys() {
        var state = adminState()
        _ = state.update(.commandLineOpened, now: now)
        _ = state.update(.commandLineEdited("keys"), now: now)
        #expect(state.update(.commandLineSubmitted, now: now) == [.keys(.load(email: nil))])
        #expect(panel(state)?.email == nil)
        _ = state.update(.escapePressed, now: now)
        _ = state.update(.commandLineOpened, now: now)
        _ = state.update(.commandLineEdited("keys User3@Example.com"), now: now)
        #expect(
            state.update(.commandLineSubmitted, now: now) == [
                .keys(.load(email: "user3@example.com"))
            ])
        #expect(panel(state)?.memberRole == .member, "the role comes from the loaded Team row")
        #expect(throws: DomainError.self) { try ConsoleCommand.parse("keys a@b.co extra") }
    }

    @Test func addingPastesALineAndReloadsOnSuccess() {
        var state = adminState()
        _ = state.update(.keys(.memberKeysRequested), now: now)
        _ = state.update(.keys(.loaded(email: "user4@example.com", .success([]))), now: now)
        #expect(state.update(.dialogInput(.typed("a")), now: now).isEmpty)
        #expect(panel(state)?.mode == .adding(draft: ""))
        #expect(
            state.update(.dialogInput(.submit), now: now).isEmpty,
            "an empty line is explained, not sent")
        #expect(panel(state)?.error?.contains("Paste the public key line") == true)
        for character in "ssh-ed25519 AAAAkey laptop " {
            _ = state.update(.dialogInput(.typed(character)), now: now)
        }
        #expect(
            state.update(.dialogInput(.submit), now: now)
                == [.keys(.add(email: "user4@example.com", line: "ssh-ed25519 AAAAkey laptop"))])
        #expect(panel(state)?.isWorking == true)
        #expect(
            state.update(.dialogInput(.typed("x")), now: now).isEmpty,
            "keys wait while the store works")
        let effects = state.update(.keys(.added(.success(Self.viewerKey))), now: now)
        #expect(effects == [.keys(.load(email: "user4@example.com"))])
        #expect(panel(state)?.mode == .list)
        #expect(
            state.flash?.text
                == "Added ED25519 key \(Self.viewerKey.fingerprint) for user4@example.com")
    }

    @Test func aRefusedKeyKeepsTheDraftAndSaysWhy() {
        var state = adminState()
        _ = state.update(.keys(.memberKeysRequested), now: now)
        _ = state.update(.dialogInput(.typed("a")), now: now)
        for character in "ssh-dss AAAA" {
            _ = state.update(.dialogInput(.typed(character)), now: now)
        }
        _ = state.update(.dialogInput(.submit), now: now)
        _ = state.update(
            .keys(.added(.failure(.invalid(field: "key", reason: "unsupported key type")))),
            now: now)
        #expect(panel(state)?.mode == .adding(draft: "ssh-dss AAAA"))
        #expect(panel(state)?.error == "Invalid key: unsupported key type")
        #expect(panel(state)?.isWorking == false)
        // Esc backs out of the field first, then closes the panel.
        _ = state.update(.escapePressed, now: now)
        #expect(panel(state)?.mode == .list)
        _ = state.update(.escapePressed, now: now)
        #expect(state.dialog == nil)
    }

    @Test func removingAsksFirstThenRemoves() {
        var state = adminState()
        _ = state.update(.keys(.memberKeysRequested), now: now)
        _ = state.update(
            .keys(.loaded(email: "user4@example.com", .success([Self.viewerKey]))), now: now)
        #expect(state.update(.dialogInput(.typed("X")), now: now).isEmpty)
        #expect(panel(state)?.mode == .confirmingRemoval(Self.viewerKey))
        #expect(state.update(.dialogInput(.typed("y")), now: now).isEmpty, "only Enter confirms")
        #expect(
            state.update(.dialogInput(.submit), now: now) == [
                .keys(.remove(fingerprint: Self.viewerKey.fingerprint))
            ])
        #expect(
            state.update(.keys(.removed(.success(Self.viewerKey))), now: now) == [
                .keys(.load(email: "user4@example.com"))
            ])
        #expect(
            state.flash?.text == "Removed key \(Self.viewerKey.fingerprint) of user4@example.com")
    }

    /// An admin sees an owner's keys but may not touch them: the panel says so up front and
    /// refuses the keys with the same words as the store.
    @Test func anAdminCannotTouchAnOwnersKeys() {
        var state = adminState()
        _ = state.update(.moved(-3), now: now)
        _ = state.update(.keys(.memberKeysRequested), now: now)
        _ = state.update(
            .keys(.loaded(email: "user1@example.com", .success([Self.ownerKey]))), now: now)
        let opened = panel(state)
        #expect(
            opened?.addAvailability(policy: state.policy, readOnly: false).reason
                == "Only owners can manage an owner's SSH keys")
        _ = state.update(.dialogInput(.typed("a")), now: now)
        #expect(panel(state)?.mode == .list)
        #expect(panel(state)?.error == "Only owners can manage an owner's SSH keys")
        _ = state.update(.dialogInput(.typed("X")), now: now)
        #expect(panel(state)?.mode == .list)
    }

    @Test func readOnlyListsButNeverChanges() {
        var state = adminState(readOnly: true)
        #expect(
            state.update(.keys(.memberKeysRequested), now: now) == [
                .keys(.load(email: "user4@example.com"))
            ])
        _ = state.update(
            .keys(.loaded(email: "user4@example.com", .success([Self.viewerKey]))), now: now)
        _ = state.update(.dialogInput(.typed("a")), now: now)
        #expect(panel(state)?.error == "Read-only mode: changes are disabled")
        _ = state.update(.dialogInput(.backspace), now: now)
        #expect(panel(state)?.mode == .list)
    }

    @Test func keysAreAddedPerMemberNotFromTheAllMembersList() {
        var state = adminState()
        _ = state.update(.keys(.opened(email: nil)), now: now)
        _ = state.update(.dialogInput(.typed("a")), now: now)
        #expect(panel(state)?.error?.hasPrefix("Keys are added per member") == true)
    }
}
