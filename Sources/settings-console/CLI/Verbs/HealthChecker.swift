import Domain
import Foundation

/// The periodic checker behind `health --watch`: tests each enabled integration when it is
/// due, respecting the circuit breaker, so health stays true with no console open.
struct HealthChecker {
    let store: SettingsStore
    let sealer: CredentialSealer?
    let tick: TimeInterval
    /// Seconds between tests when the settings name no `check_interval_seconds`.
    static let defaultInterval: TimeInterval = 300
    static let shortestInterval: TimeInterval = 5

    func run(once: Bool) async throws(DomainError) {
        let delivery = HTTPDelivery()
        repeat {
            let statuses = try await store.integrationStatuses()
            var due: [IntegrationHealth] = []
            for status in statuses {
                // Cheap first: most integrations are not due on most ticks.
                guard status.isDue(at: Date(), interval: Self.shortestInterval),
                    status.isDue(at: Date(), interval: try await interval(of: status.integration))
                else { continue }
                due.append(status.integration)
            }
            // Side by side, so one receiver that never answers does not hold up the others.
            await withTaskGroup(of: String.self) { group in
                for item in due {
                    group.addTask { await self.test(item, delivery: delivery) }
                }
                for await line in group { log(line) }
            }
            if once { return }
            try? await Task.sleep(nanoseconds: UInt64(tick * 1_000_000_000))
        } while true
    }

    private func test(_ item: IntegrationHealth, delivery: HTTPDelivery) async -> String {
        do {
            let check = try await store.testIntegration(
                item.id, sealer: sealer, delivery: delivery, source: .checker)
            return "\(item.name): \(check.message)"
        } catch {
            return "\(item.name): not tested: \(error.userMessage)"
        }
    }

    private func interval(of item: IntegrationHealth) async throws(DomainError) -> TimeInterval {
        let detail = try await store.integration(item.id)
        if case .number(let seconds)? = detail.config["check_interval_seconds"] {
            return max(seconds, Self.shortestInterval)
        }
        return Self.defaultInterval
    }

    /// One line per test on standard output (a journal under systemd), printable only.
    private func log(_ line: String) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        Output.result("\(stamp) \(.untrusted(line))")
    }
}
