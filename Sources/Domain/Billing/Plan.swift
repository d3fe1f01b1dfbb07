/// A subscription tier of seed 000's plan table, cheapest first.
public enum Plan: String, Sendable, CaseIterable, Codable, Comparable {
    case free, starter, professional, enterprise

    /// Position in the price ladder: a higher rank is an upgrade.
    public var rank: Int {
        switch self {
        case .free: return 0
        case .starter: return 1
        case .professional: return 2
        case .enterprise: return 3
        }
    }

    public var title: String {
        switch self {
        case .free: return "Free"
        case .starter: return "Starter"
        case .professional: return "Professional"
        case .enterprise: return "Enterprise"
        }
    }

    public static func < (lhs: Plan, rhs: Plan) -> Bool { lhs.rank < rhs.rank }

    /// Parses user input such as `Starter` or ` professional `; anything else is a clear error.
    public static func parse(_ text: String) throws(DomainError) -> Plan {
        let cleaned = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let plan = Plan(rawValue: cleaned) else {
            throw DomainError(.unknownPlan(text))
        }
        return plan
    }
}

/// Where the subscription stands (`billing_config.plan_status`).
public enum PlanStatus: String, Sendable, CaseIterable, Codable {
    case active, trialing
    case pastDue = "past_due"
    case canceled, suspended

    public var title: String {
        switch self {
        case .active: return "Active"
        case .trialing: return "Trialing"
        case .pastDue: return "Past due"
        case .canceled: return "Canceled"
        case .suspended: return "Suspended"
        }
    }
}

/// How often the workspace is charged (`billing_config.billing_interval`).
public enum BillingInterval: String, Sendable, CaseIterable, Codable {
    case monthly, annual

    public var title: String {
        switch self {
        case .monthly: return "Monthly"
        case .annual: return "Annual"
        }
    }
}
