// swift-tools-version:6.0
// Closer: a terminal sales workstation. No package dependencies by design (see DECISIONS.md).
import PackageDescription

let package = Package(
    name: "closer",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "closer", targets: ["closer"]),
        .executable(name: "closer-sim", targets: ["closer-sim"]),
        .executable(name: "closer-bench", targets: ["closer-bench"]),
    ],
    targets: [
        // C libraries, seen only by the two thin wrapper modules (Store, CursesBackend).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),

        // Libraries, in dependency order: UI → view models → store/sync → core.
        .target(name: "Core"),
        .target(name: "Store", dependencies: ["Core", "CSQLite"]),
        .target(name: "Sync", dependencies: ["Core", "Store"]),
        .target(name: "Simulator", dependencies: ["Core"]),
        .target(name: "ViewModels", dependencies: ["Core", "Store"]),
        .target(name: "TerminalUI", dependencies: ["Core", "ViewModels"]),
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNcursesw"]),

        // Executables.
        .executableTarget(
            name: "closer",
            dependencies: ["Core", "Store", "Sync", "Simulator", "ViewModels", "TerminalUI", "CursesBackend"]),
        .executableTarget(name: "closer-sim", dependencies: ["Core", "Simulator"]),
        .executableTarget(
            name: "closer-bench",
            dependencies: ["Core", "Store", "Sync", "Simulator", "ViewModels", "TerminalUI", "CursesBackend"]),

        // Tests: one target per library, plus end-to-end runs of the built binaries.
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Core"]),
        .testTarget(name: "SyncTests", dependencies: ["Sync", "Store", "Simulator", "Core", "ViewModels"]),  // ViewModels: the :transfer picker over the simulator
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Core"]),
        .testTarget(name: "ViewModelsTests", dependencies: ["ViewModels", "Store", "Core"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "ViewModels", "Store", "Core"], exclude: ["Snapshots"]),
        .testTarget(name: "CursesBackendTests", dependencies: ["CursesBackend", "TerminalUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["closer", "closer-sim"]),
    ],
    swiftLanguageModes: [.v6]
)
