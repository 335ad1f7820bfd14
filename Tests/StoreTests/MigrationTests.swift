import Core
import XCTest
@testable import Store

final class MigrationTests: StoreTestCase {
    func testFreshFileIsMigratedToCurrentVersion() throws {
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertGreaterThan(LeadStore.currentSchemaVersion, 0)
        XCTAssertEqual(try store.diagnostics().integrity, ["ok"])
    }

    func testReopenedFileKeepsDataAndVersion() throws {
        let id = try store.createLead(makeLead("Zoë", "Müller")).id
        store = nil
        let reopened = try LeadStore(path: path)
        XCTAssertEqual(try reopened.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try reopened.lead(id: id)?.firstName, "Zoë")
        XCTAssertEqual(try reopened.outboxEntries().count, 1)
    }

    func testOldVersionFileIsMigratedOnOpen() throws {
        store = nil
        // A file at version 0 (as an older Closer would leave it before the first migration).
        try FileManager.default.removeItem(atPath: path)
        let raw = try Database(path: path)
        try raw.execute("CREATE TABLE legacy (x INTEGER)")
        XCTAssertEqual(try raw.scalarInt("PRAGMA user_version"), 0)
        let opened = try LeadStore(path: path)
        XCTAssertEqual(try opened.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertNotNil(try opened.createLead(makeLead("Ann", "Lee")).id)
    }

    func testNewerSchemaIsRefused() throws {
        store = nil
        let raw = try Database(path: path)
        try raw.execute("PRAGMA user_version = 999")
        XCTAssertThrowsError(try LeadStore(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .schemaTooNew(found: 999, known: LeadStore.currentSchemaVersion))
        }
    }
}
