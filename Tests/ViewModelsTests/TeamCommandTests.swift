import Domain
import Foundation
import Testing

@testable import ViewModels

@Suite("Team commands: dialogs, confirmations and denials with reasons")
struct TeamCommandTests {
    let now = Fixtures.now

    @Test func viewerSeesWhyInsteadOfAForm() {
        var state = Fixtures.state(.viewer, members: [Fixtures.member(1)])
        let effects = state.update(.team(.command(.invite)), now: now)
        #expect(effects.isEmpty)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "Only admins and owners can manage members")
    }

    @Test func readOnlyRefusesEveryWrite() {
        for command in TeamCommand.allCases {
            var state = Fixtures.state(.owner, members: [Fixtures.member(1)], readOnly: true)
            #expect(state.update(.team(.command(command)), now: now).isEmpty)
            #expect(state.dialog == nil)
            #expect(state.flash?.text.contains("Read-only") == true)
        }
    }

    @Test func inviteFormValidatesAsYouTypeAndKeepsTextOnRefusal() {
        var state = Fixtures.state(.admin, members: [Fixtures.member(1)])
        _ = state.update(.team(.command(.invite)), now: now)
        for character in "new@" { _ = state.update(.dialogInput(.typed(character)), now: now) }
        guard case .invite(let partial) = state.dialog else { Issue.record("no form"); return }
        #expect(partial.emailError != nil)
        #expect(!partial.canSubmit)
        #expect(partial.grantableRoles == [.admin, .member, .viewer], "admins cannot grant owner")
        for character in "example.com" {
            _ = state.update(.dialogInput(.typed(character)), now: now)
        }
        let effects = state.update(.dialogInput(.submit), now: now)
        #expect(effects == [.team(.invite(email: "new@example.com", role: .member))])
        _ = state.update(
            .team(.invitationCreated(.failure(.limitReached(reason: "all 25 seats are used")))),
            now: now)
        guard case .invite(let refused) = state.dialog else { Issue.record("form closed"); return }
        #expect(refused.email == "new@example.com")
        #expect(refused.serverError == "Plan limit reached: all 25 seats are used")
        #expect(!refused.isSubmitting)
    }

    @Test func createdInvitationShowsTheTokenOnceThenRefreshes() {
        var state = Fixtures.state(.admin, members: [Fixtures.member(1)])
        let receipt = InvitationReceipt(
            memberID: MemberID(UUID()), email: "n@example.com", role: .viewer,
            token: InvitationToken(value: "tok"), expiresAt: now)
        let effects = state.update(.team(.invitationCreated(.success(receipt))), now: now)
        #expect(state.dialog == .invitationCreated(receipt))
        #expect(effects.contains(.team(.loadCounts)))
        _ = state.update(.dialogInput(.submit), now: now)
        #expect(state.dialog == nil)
    }

    @Test func removingAnAdminNeedsTheirEmailTyped() throws {
        let admin = Fixtures.member(2, role: .admin, email: "admin@example.com")
        var state = Fixtures.state(.owner, members: [admin])
        _ = state.update(.team(.command(.remove)), now: now)
        guard case .confirm(let confirmation) = state.dialog else {
            Issue.record("no confirm"); return
        }
        #expect(confirmation.requiredText == "admin@example.com")
        #expect(state.update(.dialogInput(.submit), now: now).isEmpty, "not typed yet")
        for character in "admin@example.com" {
            _ = state.update(.dialogInput(.typed(character)), now: now)
        }
        #expect(
            state.update(.dialogInput(.submit), now: now) == [
                .team(.remove(admin.id, admin.version))
            ])
    }

    @Test func removingAMemberNeedsOnlyAConfirmation() {
        let member = Fixtures.member(3)
        var state = Fixtures.state(.admin, members: [member])
        _ = state.update(.team(.command(.remove)), now: now)
        #expect(
            state.update(.dialogInput(.submit), now: now) == [
                .team(.remove(member.id, member.version))
            ])
    }

    @Test func lastOwnerCannotBeDemotedAndTheReasonIsShown() {
        let owner = Fixtures.member(1, role: .owner)
        var state = Fixtures.state(.owner, members: [owner], owners: 1)
        _ = state.update(.team(.command(.changeRole)), now: now)
        #expect(state.dialog == nil)
        #expect(state.flash?.text == "A workspace needs at least one owner")
    }

    @Test func rolePickerSubmitsTheChosenRole() {
        let member = Fixtures.member(4, role: .viewer)
        var state = Fixtures.state(.owner, members: [member])
        _ = state.update(.team(.command(.changeRole)), now: now)
        _ = state.update(.dialogInput(.typed("a")), now: now)
        #expect(
            state.update(.dialogInput(.submit), now: now) == [
                .team(.changeRole(member.id, .admin, member.version))
            ])
    }

    @Test func escClosesAnyDialogAndKeepsTheList() {
        var state = Fixtures.state(.admin, members: [Fixtures.member(1)])
        _ = state.update(.team(.command(.invite)), now: now)
        _ = state.update(.escapePressed, now: now)
        #expect(state.dialog == nil)
        #expect(state.team.rows.count == 1)
    }

    @Test func inactiveMembersOfferReactivateNotDeactivate() {
        let inactive = Fixtures.member(5, status: .inactive)
        let state = Fixtures.state(.admin, members: [inactive])
        #expect(
            TeamCommand.deactivate.availability(in: state.team, policy: state.policy).reason
                == "Only active members can be deactivated")
        #expect(
            TeamCommand.reactivate.availability(in: state.team, policy: state.policy) == .allowed)
    }
}
