import Foundation
import Postgres

extension SettingsStore {
    /// Invites `email` as `role`; returns the plain token, which is not stored and cannot be
    /// shown again.
    public func invite(email: String, role: Role) async throws(DomainError) -> InvitationReceipt {
        let address = try EmailAddress(email)
        let token = InvitationToken.generate()
        return try await transaction { tx in
            try tx.lockWorkspace()
            try tx.policy().invite(as: role).enforce()
            try tx.refuseDuplicate(address)
            try tx.requireFreeSeat()
            let row = try tx.query(
                """
                INSERT INTO team_members (workspace_id, role, status, invitation_email,
                    invitation_token, invitation_expires_at, invited_by, created_by, updated_by)
                VALUES ($1, $2, 'pending', $3, $4, now() + make_interval(secs => $5), $6, $6, $6)
                RETURNING id, invitation_expires_at
                """,
                [
                    tx.session.workspaceID.rawValue, role.rawValue, address.value, token.storedHash,
                    Int(InvitationReceipt.lifetime), tx.session.userID.rawValue,
                ]
            ).first
            guard let row else {
                throw DomainError(.invitationNotSaved)
            }
            let id = try row.uuid("id")
            try tx.audit(
                "team.invite", resourceType: "team_member", resourceID: id,
                after: ["email": address.value, "role": role.rawValue, "status": "pending"])
            return InvitationReceipt(
                memberID: MemberID(id), email: address.value, role: role, token: token,
                expiresAt: try row.date("invitation_expires_at"))
        }
    }

    /// Issues a new token and a new expiry for a pending invitation; the old token stops working.
    public func resendInvitation(_ id: MemberID, expected: RowVersion? = nil)
        async throws(DomainError) -> InvitationReceipt
    {
        let token = InvitationToken.generate()
        return try await transaction { tx in
            let (policy, target) = try tx.lockedTarget(id, expected: expected)
            try policy.resend(target.snapshot).enforce()
            let row = try tx.query(
                """
                UPDATE team_members SET invitation_token = $3,
                    invitation_expires_at = now() + make_interval(secs => $4), updated_by = $5
                WHERE workspace_id = $1 AND id = $2
                RETURNING invitation_expires_at
                """,
                [
                    tx.session.workspaceID.rawValue, id.rawValue, token.storedHash,
                    Int(InvitationReceipt.lifetime), tx.session.userID.rawValue,
                ]
            ).first
            guard let row else {
                throw DomainError.notFound(what: "that invitation no longer exists")
            }
            try tx.audit(
                "team.resend", resourceType: "team_member", resourceID: id.rawValue,
                after: ["email": target.email])
            return InvitationReceipt(
                memberID: id, email: target.email, role: target.role, token: token,
                expiresAt: try row.date("invitation_expires_at"))
        }
    }

    /// Withdraws a pending invitation (soft delete; its token stops working at once).
    public func revokeInvitation(_ id: MemberID, expected: RowVersion? = nil)
        async throws(DomainError)
    {
        try await transaction { tx in
            let (policy, target) = try tx.lockedTarget(id, expected: expected)
            try policy.revoke(target.snapshot).enforce()
            try tx.softDelete(id, clearToken: true)
            try tx.audit(
                "team.revoke", resourceType: "team_member", resourceID: id.rawValue,
                before: ["email": target.email, "status": "pending"])
        }
    }

    public func changeRole(_ id: MemberID, to role: Role, expected: RowVersion? = nil)
        async throws(DomainError)
    {
        try await transaction { tx in
            let (policy, target) = try tx.lockedTarget(id, expected: expected)
            try policy.changeRole(
                of: target.snapshot, to: role, activeOwners: tx.activeOwnerCount()
            )
            .enforce()
            try tx.update(id, set: "role = $3", [role.rawValue])
            try tx.audit(
                "team.change_role", resourceType: "team_member", resourceID: id.rawValue,
                before: ["email": target.email, "role": target.role.rawValue],
                after: ["email": target.email, "role": role.rawValue])
        }
    }

    public func deactivate(_ id: MemberID, expected: RowVersion? = nil) async throws(DomainError) {
        try await transaction { tx in
            let (policy, target) = try tx.lockedTarget(id, expected: expected)
            try policy.deactivate(target.snapshot, activeOwners: tx.activeOwnerCount()).enforce()
            try tx.update(id, set: "status = 'inactive'", [])
            try tx.audit(
                "team.deactivate", resourceType: "team_member", resourceID: id.rawValue,
                before: ["email": target.email, "status": "active"],
                after: ["email": target.email, "status": "inactive"])
        }
    }

    /// Reactivates an inactive member; re-checks the seat limit, since the seat was released.
    public func reactivate(_ id: MemberID, expected: RowVersion? = nil) async throws(DomainError) {
        try await transaction { tx in
            let (policy, target) = try tx.lockedTarget(id, expected: expected)
            try policy.reactivate(target.snapshot).enforce()
            try tx.requireFreeSeat()
            try tx.update(id, set: "status = 'active'", [])
            try tx.audit(
                "team.reactivate", resourceType: "team_member", resourceID: id.rawValue,
                before: ["email": target.email, "status": "inactive"],
                after: ["email": target.email, "status": "active"])
        }
    }

    /// Removes a member: a soft delete recording who removed them, kept for the audit trail.
    public func remove(_ id: MemberID, expected: RowVersion? = nil) async throws(DomainError) {
        try await transaction { tx in
            let (policy, target) = try tx.lockedTarget(id, expected: expected)
            try policy.remove(target.snapshot, activeOwners: tx.activeOwnerCount()).enforce()
            try tx.softDelete(id, clearToken: false)
            try tx.audit(
                "team.remove", resourceType: "team_member", resourceID: id.rawValue,
                before: [
                    "email": target.email, "role": target.role.rawValue,
                    "status": target.status.rawValue,
                ])
        }
    }

    /// Soft-deletes every pending invitation past its expiry; returns how many.
    @discardableResult
    public func expireInvitations() async throws(DomainError) -> Int {
        try await transaction { tx in
            try tx.lockWorkspace()
            try tx.policy().can(.manageTeam).enforce()
            let expired = try tx.query(
                """
                UPDATE team_members SET deleted_at = now(), deleted_by = $2, updated_by = $2,
                    invitation_token = NULL
                WHERE workspace_id = $1 AND status = 'pending' AND deleted_at IS NULL
                  AND invitation_expires_at < now()
                RETURNING id, invitation_email
                """, [tx.session.workspaceID.rawValue, tx.session.userID.rawValue]
            ).rows
            for row in expired {
                try tx.audit(
                    "team.expire", resourceType: "team_member", resourceID: try row.uuid("id"),
                    before: ["email": try row.optionalString("invitation_email") ?? ""])
            }
            return expired.count
        }
    }
}

extension WorkspaceTransaction {
    /// Every member command starts here: the workspace lock first (so locks are always taken
    /// in one order), then the actor's role as it is now, then the target row locked and
    /// checked against the version the caller saw.
    func lockedTarget(_ id: MemberID, expected: RowVersion?) throws -> (Policy, Member) {
        try lockWorkspace()
        let policy = try policy()
        let target = try member(id, lock: true)
        try requireUnchanged(target, expected: expected)
        return (policy, target)
    }

    func update(_ id: MemberID, set assignment: SQL, _ values: [any PostgresEncodable]) throws {
        try query(
            "UPDATE team_members SET \(assignment), updated_by = \(parameter: values.count + 3) "
                + "WHERE workspace_id = $1 AND id = $2",
            [session.workspaceID.rawValue, id.rawValue] + values + [session.userID.rawValue])
    }

    func softDelete(_ id: MemberID, clearToken: Bool) throws {
        try query(
            """
            UPDATE team_members SET deleted_at = now(), deleted_by = $3, updated_by = $3\
            \(clearToken ? ", invitation_token = NULL" : "")
            WHERE workspace_id = $1 AND id = $2
            """, [session.workspaceID.rawValue, id.rawValue, session.userID.rawValue])
    }

    /// Refuses a second live row for the same person, member or invitation.
    func refuseDuplicate(_ address: EmailAddress) throws {
        let row = try query(
            """
            SELECT tm.status FROM team_members tm
            WHERE \(MemberRows.isLiveRowOfEmail)
            LIMIT 1
            """, [session.workspaceID.rawValue, address.value]
        ).first
        guard let status = try row?.string("status") else { return }
        if status == MemberStatus.pending.rawValue {
            throw DomainError(.alreadyInvited(address))
        }
        throw DomainError(.alreadyMember(address))
    }

    /// Active members and pending invitations both hold seats (issue 3).
    func requireFreeSeat() throws {
        let row = try query(
            """
            SELECT team_members_limit AS seat_limit, seats_used AS used
            FROM console_plan_limits()
            """
        ).first
        guard let row, let limit = try row.optionalInt("seat_limit") else { return }
        let used = try row.int("used")
        if used >= limit {
            throw DomainError(.seatsUsed(limit: limit))
        }
    }
}
