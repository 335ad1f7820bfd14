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

    func testVersionOneFileIsUpgradedWithSearchIndexAndCounts() throws {
        store = nil
        try FileManager.default.removeItem(atPath: path)
        // A file as the first v1 left it: tables, an FTS with other prefixes, an old counts table.
        let raw = try Database(path: path)
        try raw.execute(Schema.version1)
        try raw.execute("""
            CREATE TABLE lead_counts (dimension TEXT, value TEXT, count INTEGER, PRIMARY KEY (dimension, value)) WITHOUT ROWID;
            CREATE VIRTUAL TABLE lead_fts USING fts5(name, email, phone, company, notes, prefix = '2 3', detail = none);
            INSERT INTO leads (first_name, last_name, email, status, owner, created, updated, sort_name)
                VALUES ('Zoë', 'Müller', 'z@example.com', 5, 'ana', 1, 1, 'zoe muller');
            INSERT INTO notes (lead_id, text, created) VALUES (1, 'pricing call', 1);
            PRAGMA user_version = 1;
            """)
        let opened = try LeadStore(path: path)
        XCTAssertEqual(try opened.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try opened.leads(filter: LeadFilter(search: "zoe")).map(\.id), [1])
        XCTAssertEqual(try opened.leads(filter: LeadFilter(search: "pricing")).map(\.id), [1])
        XCTAssertEqual(try opened.countsByStatus()[.customer], 1)
        try opened.setStatus(.prospect, forLead: 1)
        XCTAssertEqual(try opened.countsByStatus()[.prospect], 1, "triggers work after the upgrade")
        XCTAssertEqual(try opened.diagnostics().integrity, ["ok"])
    }
}

final class ConcurrentOpenTests: XCTestCase {
    func testTwoConnectionsOpeningAFreshFileAtOnceBothSucceed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-open-\(UUID().uuidString).db").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let errors = ErrorBox()
        let group = DispatchGroup()
        for _ in 0..<4 {
            DispatchQueue.global().async(group: group) {
                do { _ = try LeadStore(path: path) } catch { errors.add(error) }
            }
        }
        group.wait()
        XCTAssertEqual(errors.count, 0)
        XCTAssertEqual(try LeadStore(path: path).schemaVersion, LeadStore.currentSchemaVersion)
    }
}

final class BadFileTests: XCTestCase {
    func testNonDatabaseFileAndMissingDirectoryGiveErrorsNotCrashes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-junk-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try LeadStore(path: path)) { XCTAssertTrue($0 is DatabaseError, "\($0)") }
        XCTAssertThrowsError(try LeadStore(path: "/nonexistent-dir-\(UUID().uuidString)/x.db")) { error in
            XCTAssertEqual((error as? DatabaseError)?.code, 14)  // SQLITE_CANTOPEN
        }
    }

    func testCursorFromAnotherSortIsRefused() throws {
        let store = try LeadStore.inMemory()
        try store.createLead(Lead(firstName: "A", lastName: "B", email: "a@b.co", phone: "+491511234567", owner: "ana"))
        let cursor = try XCTUnwrap(store.leads(sort: LeadSort(.status)).first?.cursor)
        XCTAssertThrowsError(try store.leads(sort: .nameAscending, after: cursor))
    }
}
