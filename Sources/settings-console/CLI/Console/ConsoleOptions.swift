import ArgumentParser

/// Options of the interactive console, shared by `demo` and the default command.
struct ConsoleOptions: ParsableArguments {
    @Flag(name: .long, help: "Read-only: write actions are not bound at all.")
    var readonly = false

    @Option(
        name: .long,
        help: "Theme name (default, high-contrast, solarized-dark, mono, or a user theme).")
    var theme: String?

    @Option(
        name: .long,
        help:
            "Seconds between background refreshes, the fallback when PostgreSQL's notifications are lost (0: never)."
    )
    var pollInterval: Double = 10

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where live refresh LISTENs: a direct conninfo, or 'none' to poll only.",
            discussion:
                "Defaults to SC_LISTEN_DATABASE, then the console's own database. Behind a transaction pooler (PgBouncer) give the server's own address, or none.",
            valueName: "conninfo"))
    var listenDatabase: String?
}
