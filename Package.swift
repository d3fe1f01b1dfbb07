// swift-tools-version: 6.1
import PackageDescription

/// Layers, top to bottom: settings-console -> TUI -> ViewModels -> Domain -> Postgres -> C shims.
/// Arrows point down only; see docs/architecture.md. Every `import` of a target is declared
/// here (`--explicit-target-dependency-import-check=error` holds it).
let package = Package(
    name: "settings-console",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "settings-console", targets: ["settings-console"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CLibpq",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "Postgres",
            dependencies: ["CLibpq", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "Domain",
            dependencies: [
                "Postgres",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedSQL"]
        ),
        .target(name: "ViewModels", dependencies: ["Domain", "Postgres"]),
        .target(
            name: "TUI",
            dependencies: ["ViewModels", "CNcurses", "Yams"],
            plugins: ["EmbedThemes"]
        ),
        .executableTarget(
            name: "settings-console",
            dependencies: [
                "TUI", "ViewModels", "Domain", "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "settings-console-bench",
            dependencies: ["TUI", "ViewModels", "Domain", "Postgres"]
        ),
        // Build time only: sql/ and themes/ become Swift source in the targets that carry them.
        // `Watched/` holds links to those folders: SwiftPM plans the build again (and so runs
        // the plugins again) when a plugin's folder changes shape, which a file added to or
        // removed from sql/ or themes/ then does.
        .executableTarget(name: "embed-files"),
        .plugin(
            name: "EmbedSQL", capability: .buildTool(), dependencies: ["embed-files"],
            exclude: ["Watched"]),
        .plugin(
            name: "EmbedThemes", capability: .buildTool(), dependencies: ["embed-files"],
            exclude: ["Watched"]),
        .target(
            name: "TestSupport", dependencies: ["Postgres", "Domain"], path: "Tests/TestSupport"),
        .testTarget(
            name: "PostgresTests",
            dependencies: [
                "Postgres", "TestSupport", .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "DomainTests",
            dependencies: [
                "Domain", "Postgres", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "ViewModelsTests",
            dependencies: ["ViewModels", "Domain", "Postgres", "TestSupport"]),
        .testTarget(
            name: "TUITests",
            dependencies: ["TUI", "ViewModels", "Domain", "CNcurses", "TestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["Domain", "Postgres", "TestSupport"]),
        .testTarget(
            name: "SettingsConsoleTests",
            dependencies: [
                "settings-console", "Domain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
