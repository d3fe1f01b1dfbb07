import Domain
import Foundation
import Testing
import ViewModels

@testable import TUI

/// The SSH keys panel over the Team tab (`__Snapshots__/keys-*`): a member's keys, the key
/// being pasted, a removal being confirmed, everyone's keys, and an admin looking at an
/// owner's keys (told why before trying).
@Suite("SSH keys panel snapshots")
struct SSHKeysDialogSnapshotTests {
    let now = ScreenFixtures.now

    static func key(
        _ n: Int, _ email: String, role: Role, type: String = "ssh-ed25519", comment: String?,
        used: Bool
    ) -> SSHKeyRecord {
        SSHKeyRecord(
            id: ScreenFixtures.id(60 + n), userID: UserID(ScreenFixtures.id(n)), email: email,
            memberRole: role,
            keyType: type,
            fingerprint: "SHA256:"
                + String(repeating: Character(UnicodeScalar(UInt8(96 + n))), count: 43),
            comment: comment, createdAt: ScreenFixtures.now.addingTimeInterval(-30 * 86_400),
            createdByEmail: "demo@example.com",
            lastUsedAt: used ? ScreenFixtures.now.addingTimeInterval(-3_600) : nil)
    }

    static let viewerKeys = [
        key(4, "viewer@example.com", role: .viewer, comment: "viewer@laptop", used: true),
        key(
            5, "viewer@example.com", role: .viewer, type: "ecdsa-sha2-nistp256", comment: nil,
            used: false),
    ]

    func state(_ role: Role, panel: SSHKeysPanel) -> AppState {
        var state = ScreenFixtures.state(role)
        state.dialog = .sshKeys(panel)
        return state
    }

    func viewerPanel(_ mode: SSHKeysPanel.Mode = .list) -> SSHKeysPanel {
        var panel = SSHKeysPanel(email: "viewer@example.com", memberRole: .viewer)
        panel.keys = Self.viewerKeys
        panel.isLoading = false
        panel.mode = mode
        return panel
    }

    func render(_ state: AppState, _ width: Int, _ height: Int) -> Canvas {
        ConsoleScreen.render(state, size: Size(width: width, height: height), now: now)
    }

    @Test func aMembersKeys() {
        let canvas = render(state(.admin, panel: viewerPanel()), 120, 40)
        let text = canvas.text()
        #expect(text.contains("SSH keys · viewer@example.com"))
        #expect(text.contains(Self.viewerKeys[0].fingerprint))
        #expect(text.contains("a add · X remove"))
        assertSnapshot(canvas, named: "keys-member-admin-120x40", styled: true)
        assertSnapshot(
            render(state(.admin, panel: viewerPanel()), 80, 24), named: "keys-member-admin-80x24")
    }

    @Test func pastingAKey() {
        let canvas = render(
            state(
                .admin, panel: viewerPanel(.adding(draft: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG"))
            ), 120, 40)
        #expect(canvas.text().contains("Paste the .pub line"))
        assertSnapshot(canvas, named: "keys-adding-120x40")
    }

    @Test func confirmingARemoval() {
        var panel = viewerPanel(.confirmingRemoval(Self.viewerKeys[0]))
        panel.error = nil
        let canvas = render(state(.admin, panel: panel), 120, 40)
        #expect(canvas.text().contains("Enter remove · Esc keep the key"))
        assertSnapshot(canvas, named: "keys-confirm-remove-120x40")
    }

    @Test func everyMembersKeys() {
        var panel = SSHKeysPanel(email: nil)
        panel.keys =
            [Self.key(2, "admin@example.com", role: .admin, comment: "admin@desk", used: true)]
            + Self.viewerKeys
        panel.isLoading = false
        let canvas = render(state(.owner, panel: panel), 120, 40)
        #expect(canvas.text().contains("admin@example.com"))
        #expect(canvas.text().contains("SSH keys · all members"))
        #expect(!canvas.text().contains("a add"), "keys are added per member")
        assertSnapshot(canvas, named: "keys-all-owner-120x40")
    }

    @Test func anAdminLookingAtAnOwnersKeysIsToldWhy() {
        var panel = SSHKeysPanel(email: "demo@example.com", memberRole: .owner)
        panel.keys = [
            Self.key(1, "demo@example.com", role: .owner, comment: "owner@laptop", used: true)
        ]
        panel.isLoading = false
        panel.error = nil
        let canvas = render(state(.admin, panel: panel), 120, 40)
        #expect(canvas.text().contains("Only owners can manage an owner's SSH keys."))
        #expect(!canvas.text().contains("X remove"))
        assertSnapshot(canvas, named: "keys-owner-seen-by-admin-120x40")
    }

    @Test func anEmptyList() {
        var panel = SSHKeysPanel(email: "member@example.com", memberRole: .member)
        panel.isLoading = false
        panel.error = "Invalid key: the key is not valid base64 (was it cut or wrapped?)"
        let canvas = render(state(.owner, panel: panel), 100, 30)
        #expect(canvas.text().contains("No SSH keys yet"))
        #expect(canvas.text().contains("✖ Invalid key"))
        assertSnapshot(canvas, named: "keys-empty-error-100x30")
    }
}
