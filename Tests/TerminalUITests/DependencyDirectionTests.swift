import Foundation
import XCTest

/// Issue 12 item 15: screens and the app talk to view models only. TerminalUI's sources import
/// neither Store nor Sync, and the manifest gives TerminalUI Core and ViewModels only.
final class DependencyDirectionTests: XCTestCase {
    func testTerminalUISourcesImportNeitherStoreNorSync() throws {
        let directory = TestSupport.repoRoot.appendingPathComponent("Sources/TerminalUI")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertGreaterThan(files.count, 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") {
                let module = line.split(separator: " ").last.map(String.init) ?? ""
                XCTAssertFalse(["Store", "Sync", "CSQLite", "CNcursesw"].contains(module), "\(file.lastPathComponent): \(line)")
            }
            XCTAssertFalse(text.contains("LeadStore"), "\(file.lastPathComponent) names the Store's LeadStore")
        }
    }

    func testManifestGivesTerminalUICoreAndViewModelsOnly() throws {
        let manifest = try String(contentsOf: TestSupport.repoRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertTrue(manifest.contains(#".target(name: "TerminalUI", dependencies: ["Core", "ViewModels"])"#), manifest)
    }
}
