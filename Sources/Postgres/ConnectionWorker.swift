import Foundation
import Logging

/// Owns one libpq connection and runs every use of it, one job at a time, on a thread of its
/// own, so that waiting for PostgreSQL never holds a thread of Swift's cooperative pool (two
/// threads on a two-core machine: two slow queries used to stall every task in the process).
///
/// Callers `await` a job; cancelling the awaiting task drops the job if it has not started
/// (it is never sent) or cancels its statement on the server (`QueryCanceller`), and the job
/// then throws `CancellationError`. The connection stays open for the next job either way.
final class ConnectionWorker: @unchecked Sendable {
    /// Opens a new connection; runs on the worker's thread.
    typealias Opener = () throws(PostgresError) -> PostgresConnection

    private struct Job {
        let id: UInt64
        /// Runs the work and answers the caller.
        let perform: () -> Void
        /// Answers the caller with `CancellationError` without running the work.
        let abandon: () -> Void
    }

    // Shared state, guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var nextID: UInt64 = 0
    private var runningID: UInt64?
    private var runningCancelled = false
    private var runningCanceller: QueryCanceller?
    private var threadStarted = false
    private var stopping = false

    // Touched only on the worker's thread.
    private var connection: PostgresConnection?
    private let open: Opener
    private let logger: Logger

    init(logger: Logger, open: @escaping Opener) {
        self.logger = logger
        self.open = open
    }

    /// Runs `work` on the worker's thread with an open connection (reconnecting a broken one
    /// first) and returns what it returns.
    func run<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try await submit(cancellable: true) { worker, id in worker.perform(id: id, work) }
    }

    /// Closes the connection after the queued jobs; the next job opens a new one.
    func closeConnection() async {
        _ = try? await submit(cancellable: false) { worker, _ in
            worker.connection?.close()
            worker.connection = nil
            return Result<Void, any Error>.success(())
        }
    }

    /// Stops the thread once the queued jobs are done and closes the connection.
    func shutdown() {
        condition.withLock {
            stopping = true
            condition.signal()
        }
    }

    /// Queues `body` for the worker's thread and waits for its answer.
    private func submit<T: Sendable>(
        cancellable: Bool,
        _ body: @escaping @Sendable (ConnectionWorker, UInt64) -> Result<T, any Error>
    ) async throws -> T {
        let id = condition.withLock { () -> UInt64 in
            nextID += 1
            return nextID
        }
        let operation = {
            try await withCheckedThrowingContinuation { continuation in
                let job = Job(
                    id: id,
                    perform: { continuation.resume(with: body(self, id)) },
                    abandon: { continuation.resume(throwing: CancellationError()) })
                self.enqueue(job, cancellable: cancellable)
            }
        }
        guard cancellable else { return try await operation() }
        return try await withTaskCancellationHandler(operation: operation) { cancel(id) }
    }

    private func enqueue(_ job: Job, cancellable: Bool) {
        let refused = condition.withLock { () -> Bool in
            // Cancelled before it was queued: `cancel` found nothing to cancel.
            if cancellable, Task.isCancelled { return true }
            queue.append(job)
            if !threadStarted {
                threadStarted = true
                let thread = Thread { self.loop() }
                thread.name = "postgres-connection"
                thread.start()
            }
            condition.signal()
            return false
        }
        if refused { job.abandon() }
    }

    private func cancel(_ id: UInt64) {
        let dropped = condition.withLock { () -> Job? in
            if let index = queue.firstIndex(where: { $0.id == id }) {
                return queue.remove(at: index)
            }
            if runningID == id, !runningCancelled {
                runningCancelled = true
                // Returns at once (the request goes from a thread of its own); the canceller
                // ignores it if the job is over by the time it is sent.
                runningCanceller?.requestCancel(job: id)
            }
            return nil
        }
        dropped?.abandon()
    }

    private func loop() {
        while let job = nextJob() {
            job.perform()
        }
        connection?.close()
        connection = nil
    }

    private func nextJob() -> Job? {
        condition.withLock {
            while queue.isEmpty, !stopping { condition.wait() }
            guard !queue.isEmpty else { return nil }
            let job = queue.removeFirst()
            runningID = job.id
            runningCancelled = false
            return job
        }
    }

    private func perform<T>(id: UInt64, _ work: (PostgresConnection) throws -> T) -> Result<
        T, any Error
    > {
        let outcome: Result<T, any Error>
        var canceller: QueryCanceller?
        do {
            let connection = try openConnection()
            canceller = connection.canceller
            connection.canceller.beginJob(id)
            condition.withLock {
                runningCanceller = connection.canceller
                if runningCancelled { connection.canceller.requestCancel(job: id) }
            }
            outcome = Result { try work(connection) }
        } catch {
            outcome = .failure(error)
        }
        // Outside `condition`: a cancel request may hold the canceller's lock while a frozen
        // server takes it, and callers must never wait for `condition` that long.
        canceller?.endJob()
        let cancelled = condition.withLock { () -> Bool in
            runningCanceller = nil
            runningID = nil
            return runningCancelled
        }
        if case .failure(let error) = outcome {
            if cancelled { return .failure(CancellationError()) }
            if let postgres = error as? PostgresError, postgres.isConnectionProblem {
                logger.warning("PostgreSQL connection problem: \(postgres.serverMessage)")
            }
        }
        return outcome
    }

    private func openConnection() throws(PostgresError) -> PostgresConnection {
        if let connection, connection.isOpen { return connection }
        if let connection {
            logger.warning("reconnecting to PostgreSQL")
            do {
                try connection.reset()
                return connection
            } catch {
                self.connection = nil
                throw error
            }
        }
        let fresh = try open()
        connection = fresh
        return fresh
    }
}
