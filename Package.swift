// swift-tools-version:6.0
// Closer: a terminal sales workstation. No package dependencies by design (see DECISIONS.md).
import PackageDescription

/// Release `closer` on Linux links the Swift runtime and Foundation statically: a start no longer
/// loads and relocates ~20 Swift shared libraries (about half the CPU of `closer --help`; see
/// DECISIONS.md). The archives are named because objects built for the shared runtime do not name
/// their dependencies (ICU, CoreFoundation, the curl glue). libcurl itself stays the system's and
/// is not a needed library: `CCurlLoader` defines the curl functions FoundationNetworking calls and
/// opens libcurl.so.4 on the first one (an https request), so a start loads 9 libraries, not 38.
let staticSwiftRuntime = ["-static-stdlib", "-Xlinker", "--start-group"]
    + ["FoundationNetworking", "_CFURLSessionInterface", "Foundation", "FoundationInternationalization",
       "FoundationEssentials", "_FoundationICU", "CoreFoundation", "_FoundationCShims", "_FoundationCollections",
       "swiftSynchronization", "swift_StringProcessing", "swift_RegexParser", "swiftDispatch", "swift_Builtin_float"]
        .flatMap { ["-Xlinker", "-l:lib\($0).a"] }
    + ["-Xlinker", "--end-group"]

/// ...and is laid out for a cold start (DECISIONS.md "Start-up", fitness round 3): lld, relative
/// relocations packed (DT_RELR, 16 KB instead of 2 MB; glibc ≥ 2.36), `Sources/closer/Linker/closer-layout.ld`
/// puts the loader's data, the data and the hot code (`Sources/closer/Linker/closer-hot.order`, made by
/// `Sources/closer/Linker/hot-order.sh`) at the front of the file and ICU's 34 MB of data behind the code;
/// `CStartupPaging` then stops Linux reading 8 MB around each later fault. A cold start reads
/// ~16 MB of the binary instead of ~37 MB. (Editing a file in Sources/closer/Linker/ does not relink by itself:
/// delete `.build/release/closer` first.)
let linkerFiles = String(#filePath.dropLast("Package.swift".count)) + "Sources/closer/Linker/"
let coldStartLayout = ["-use-ld=lld"]
    + ["-z", "pack-relative-relocs", "-z", "now", "-z", "nostart-stop-gc", "-T", linkerFiles + "closer-layout.ld",
       "--symbol-ordering-file=" + linkerFiles + "closer-hot.order", "--no-warn-symbol-ordering"]
        .flatMap { ["-Xlinker", $0] }

/// Release code builds generic metadata through accessors that pass the witness tables
/// (`[KeyContext: …]`'s Hashable) instead of looking a type up by its mangled name: each first
/// lookup made the runtime scan every protocol conformance of the static binary (~0.1 ms each,
/// ~16 of them before the first frame; DECISIONS.md "Start-up", s6-fitness).
let directMetadataAccess: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(platforms: [.linux], configuration: .release)),
]

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
        // libcurl opened on first use by release `closer` (empty in other builds, which link it).
        .target(name: "CCurlLoader", cSettings: [.define("CLOSER_LAZY_CURL", .when(platforms: [.linux], configuration: .release))]),
        // Paging advice for the executable's own file before the runtime starts (release `closer` only).
        .target(name: "CStartupPaging", cSettings: [.define("CLOSER_STARTUP_PAGING", .when(platforms: [.linux], configuration: .release))]),

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
            dependencies: ["Core", "Store", "Sync", "Simulator", "ViewModels", "TerminalUI", "CursesBackend", "CCurlLoader", "CStartupPaging"],
            exclude: ["Linker"],
            linkerSettings: [.unsafeFlags(staticSwiftRuntime + coldStartLayout, .when(platforms: [.linux], configuration: .release))]),
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

// The start path's Swift modules get `directMetadataAccess` (release only; see above).
for target in package.targets where ["Core", "Store", "Sync", "ViewModels", "TerminalUI", "CursesBackend", "closer"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + directMetadataAccess
}
