import Domain
import Foundation
import Postgres
import TestSupport

/// Compares the database after a stress run with the successes the clients were told of.
struct StressCheck {
    let world: TeamWorld
    /// When the run began (server clock), as text.
    let since: String

    /// One line per problem found; empty when the database agrees with every answer.
    func check(_ successes: [StressSuccess]) async throws -> [String] {
        var problems: [String] = []
        let byResource = Dictionary(grouping: successes, by: \.resource)
        let order = try await versionOrder(successes.compactMap(\.expected))
        for (resource, list) in byResource {
            let versions = list.compactMap(\.expected)
            if Set(versions).count != versions.count {
                problems.append("lost update on \(resource): two successes from one version")
            }
        }
        problems += try await teamProblems(byResource, order: order)
        problems += try await billingProblems(byResource, order: order)
        problems += try await integrationProblems(byResource, order: order)
        problems += try await auditProblems(successes)
        problems += try await DatabaseInvariants.violations(on: world.admin)
        return problems
    }

    /// The rank of each version as a timestamp (versions are `updated_at` as text).
    private func versionOrder(_ versions: [RowVersion]) async throws -> [String: Int] {
        let texts = Array(Set(versions.map(\.text)))
        guard !texts.isEmpty else { return [:] }
        let rows = try await world.admin.query(
            "SELECT v, rank() OVER (ORDER BY v::timestamptz) AS r FROM unnest($1::text[]) v",
            [PostgresTextArray(texts)])
        var order: [String: Int] = [:]
        for row in rows.rows { order[try row.string("v")] = try row.int("r") }
        return order
    }

    /// The effects of `list` newest last: versioned successes by version, unversioned first.
    private func ordered(_ list: [StressSuccess], _ order: [String: Int]) -> [StressSuccess] {
        list.sorted {
            (order[$0.expected?.text ?? ""] ?? 0) < (order[$1.expected?.text ?? ""] ?? 0)
        }
    }

    private func teamProblems(_ byResource: [UUID: [StressSuccess]], order: [String: Int])
        async throws -> [String]
    {
        let rows = try await world.admin.query(
            """
            SELECT id, role, status, deleted_at IS NOT NULL AS removed FROM team_members
            WHERE workspace_id = $1
            """, [DemoTeam.workspaceID.rawValue])
        var problems: [String] = []
        for row in rows.rows {
            let id = try row.uuid("id")
            guard let list = byResource[id] else { continue }
            let effects = ordered(list, order).map(\.effect)
            let removed = effects.contains(.removed)
            if try row.bool("removed") != removed {
                problems.append("\(id): removed is \(try row.bool("removed")), told \(removed)")
            }
            var role: String?
            var status: String?
            for effect in effects {
                switch effect {
                case .invited(let invited):
                    role = invited.rawValue
                    status = "pending"
                case .accepted: status = "active"
                case .role(let changed): role = changed.rawValue
                case .status(let changed): status = changed
                default: break
                }
            }
            if let role, try row.string("role") != role {
                problems.append("\(id): role \(try row.string("role")), last success said \(role)")
            }
            if let status, try row.string("status") != status {
                problems.append(
                    "\(id): status \(try row.string("status")), last success said \(status)")
            }
        }
        return problems
    }

    private func billingProblems(_ byResource: [UUID: [StressSuccess]], order: [String: Int])
        async throws -> [String]
    {
        guard let list = byResource[StressClient.billingResource],
            case .plan(let plan) = ordered(list, order).last?.effect
        else { return [] }
        let stored = try await world.admin.query(
            "SELECT plan_type::text AS p FROM billing_config WHERE workspace_id = $1",
            [DemoTeam.workspaceID.rawValue]
        ).first?.string("p")
        return stored == plan.rawValue
            ? [] : ["plan is \(stored ?? "-"), last success said \(plan)"]
    }

    private func integrationProblems(_ byResource: [UUID: [StressSuccess]], order: [String: Int])
        async throws -> [String]
    {
        let rows = try await world.admin.query(
            "SELECT id, is_enabled FROM integrations_config WHERE workspace_id = $1",
            [DemoTeam.workspaceID.rawValue])
        var problems: [String] = []
        for row in rows.rows {
            let id = try row.uuid("id")
            guard let list = byResource[id],
                case .enabled(let enabled) = ordered(list, order).last?.effect
            else { continue }
            if try row.bool("is_enabled") != enabled {
                problems.append(
                    "integration \(id): enabled is \(!enabled), last success said \(enabled)")
            }
        }
        return problems
    }

    /// Exactly one audit row per success (same action, same row), and no other.
    private func auditProblems(_ successes: [StressSuccess]) async throws -> [String] {
        let rows = try await world.admin.query(
            """
            SELECT action, coalesce(resource_id::text, '') AS resource FROM audit_logs
            WHERE workspace_id = $1 AND created_at >= $2::timestamptz
            """, [DemoTeam.workspaceID.rawValue, since])
        var audited: [String: Int] = [:]
        for row in rows.rows {
            let action = try row.string("action")
            let resource = action.hasPrefix("billing.") ? "-" : try row.string("resource")
            audited["\(action) \(resource)", default: 0] += 1
        }
        var told: [String: Int] = [:]
        for success in successes {
            let resource =
                success.resource == StressClient.billingResource
                ? "-" : success.resource.uuidString.lowercased()
            told["\(success.action) \(resource)", default: 0] += 1
        }
        return Set(audited.keys).union(told.keys).compactMap { key in
            audited[key, default: 0] == told[key, default: 0]
                ? nil
                : "audit \(key): \(audited[key, default: 0]) rows for \(told[key, default: 0]) successes"
        }.sorted()
    }
}
