import Foundation

/// A private PostgreSQL cluster in a temporary directory, reachable only by its unix socket.
///
/// A reaper process is started first, in its own session, reading a pipe whose only writer is
/// this process. When the pipe closes - a normal quit, Ctrl-C, a crash or `kill -9` alike - the
/// reaper stops the server and deletes the directory, so no postgres is ever left behind.
final class ThrowawayCluster {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let directory: String
    let port: Int
    private let reaper: pid_t
    private var lifeline: Int32

    /// Connection parameters for the cluster's superuser; passed as separate keywords.
    var superuserParameters: [(String, String)] {
        [
            ("host", directory + "/sock"), ("port", String(port)), ("user", "postgres"),
            ("dbname", "postgres"),
        ]
    }

    private init(directory: String, port: Int, reaper: pid_t, lifeline: Int32) {
        self.directory = directory
        self.port = port
        self.reaper = reaper
        self.lifeline = lifeline
    }

    /// Creates, initialises and starts a cluster; `progress` receives one line per step.
    static func start(progress: (String) -> Void) throws -> ThrowawayCluster {
        var template = Array("/tmp/settings-console-demo.XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw Failure(description: "could not create a temporary directory")
        }
        let directory = String(cString: created)
        let (reaper, lifeline) = try startReaper(for: directory)
        do {
            let runner = try ServerCommandRunner(directory: directory)
            progress("initialising a private PostgreSQL cluster in \(directory)")
            try runner.run(
                "initdb",
                [
                    "-D", directory + "/data", "--auth=trust", "-U", "postgres", "--encoding=UTF8",
                    "--locale=C.UTF-8", "--no-sync",
                ],
                log: directory + "/initdb.log")
            try runner.makeDirectory(directory + "/sock")
            var lastError: Error?
            for _ in 0..<8 {
                let port = Int.random(in: 20_000...60_000)
                do {
                    try runner.run(
                        "pg_ctl",
                        [
                            "-D", directory + "/data", "-l", directory + "/server.log", "-w", "-t",
                            "30",
                            "-o",
                            "-k \(directory)/sock -c listen_addresses='' -p \(port) -c fsync=off",
                            "start",
                        ],
                        log: directory + "/pg_ctl.log")
                    progress("PostgreSQL is listening on \(directory)/sock (port \(port))")
                    return ThrowawayCluster(
                        directory: directory, port: port, reaper: reaper, lifeline: lifeline)
                } catch {
                    lastError = error
                }
            }
            throw lastError ?? Failure(description: "PostgreSQL did not start")
        } catch {
            close(lifeline)
            _ = ChildProcess.wait(reaper)
            throw error
        }
    }

    /// Stops the server and removes the directory, waiting until both are done.
    func stop() {
        guard lifeline >= 0 else { return }
        close(lifeline)
        lifeline = -1
        _ = ChildProcess.wait(reaper)
    }

    private static func startReaper(for directory: String) throws -> (pid_t, Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw Failure(description: "could not create a pipe") }
        // The write end must not leak into postgres or any other child, or it would never close.
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        defer { close(ends[0]) }
        let pid = try ChildProcess.spawn(
            "/bin/sh", ["-c", reaperScript, "settings-console-reaper", directory],
            outputPath: "/dev/null", standardInput: ends[0], newSession: true)
        return (pid, ends[1])
    }

    /// Waits for end-of-file, then shuts the postmaster down immediately and deletes `$1`.
    private static let reaperScript = #"""
        cat >/dev/null
        pidfile="$1/data/postmaster.pid"
        if [ -f "$pidfile" ]; then
            pid=$(head -n 1 "$pidfile")
            kill -QUIT "$pid" 2>/dev/null
            i=0
            while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
            kill -KILL "$pid" 2>/dev/null
        fi
        rm -rf "$1"
        """#
}

/// Runs PostgreSQL's server programs, as the `postgres` user when we are root (initdb
/// refuses to run as root).
private struct ServerCommandRunner {
    let directory: String
    let binDirectory: String
    let asPostgresUser: Bool

    init(directory: String) throws {
        self.directory = directory
        binDirectory = try Self.findBinDirectory()
        asPostgresUser = geteuid() == 0
        if asPostgresUser {
            guard let account = getpwnam("postgres") else {
                throw ThrowawayCluster.Failure(
                    description:
                        "running as root needs the 'postgres' system user (apt-get install postgresql)"
                )
            }
            guard chown(directory, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                throw ThrowawayCluster.Failure(
                    description: "could not hand \(directory) to postgres")
            }
        }
    }

    func makeDirectory(_ path: String) throws {
        try run("mkdir", ["-m", "700", path], log: nil, fromBin: false)
    }

    func run(_ program: String, _ arguments: [String], log: String?, fromBin: Bool = true) throws {
        let executable = fromBin ? binDirectory + "/" + program : "/bin/" + program
        let logPath = log ?? directory + "/command.log"
        let pid: pid_t
        if asPostgresUser {
            pid = try ChildProcess.spawn(
                "/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments,
                outputPath: logPath)
        } else {
            pid = try ChildProcess.spawn(executable, arguments, outputPath: logPath)
        }
        let status = ChildProcess.wait(pid)
        let data = FileManager.default.contents(atPath: logPath) ?? Data()
        guard status == 0 else {
            let text = String(decoding: data, as: UTF8.self)
            throw ThrowawayCluster.Failure(
                description: "\(program) failed (\(status)): "
                    + text.split(separator: "\n").suffix(3).joined(separator: " / "))
        }
    }

    /// `pg_config --bindir` when it names a directory with initdb, else the newest installed
    /// `/usr/lib/postgresql/N/bin`.
    static func findBinDirectory() throws -> String {
        let fileManager = FileManager.default
        let versions = (try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let candidates = versions.compactMap(Int.init).sorted(by: >).map {
            "/usr/lib/postgresql/\($0)/bin"
        }
        for candidate in candidates
        where fileManager.isExecutableFile(atPath: candidate + "/initdb") {
            return candidate
        }
        throw ThrowawayCluster.Failure(
            description:
                "PostgreSQL server programs not found: apt-get install postgresql postgresql-contrib"
        )
    }
}
