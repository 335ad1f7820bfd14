import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// Base class: a fresh temp-file SQLite database per test, removed afterwards.
class ViewModelsTestCase: XCTestCase {
    var directory: URL!
    var path: String { directory.appendingPathComponent("vm.db").path }
    var store: LeadStore!
    /// A fixed clock so messages and dates do not depend on the machine.
    let fixedNow = Date(timeIntervalSince1970: 1_800_000_000)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("closer-vm-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try LeadStore(path: path)
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// Seeds `count` demo leads (users ana, ben, ... included; not in the outbox).
    func seed(_ count: Int) throws {
        let generator = DemoDataGenerator(seed: 42, now: 1_790_000_000, userCount: 8)
        try DemoSeeder(store: store, generator: generator).seed(leads: count)
    }

    /// A list view model over the test store with the fixed clock.
    func makeList(height: Int = 10, filter: LeadFilter = .all, sort: LeadSort = .nameAscending,
                  user: String = "ana") -> LeadListViewModel {
        let now = fixedNow
        return LeadListViewModel(store: store, currentUser: user, visibleRows: height, filter: filter, sort: sort,
                                 now: { now })
    }

    /// Every id of the filtered, sorted list in one query (what OFFSET paging would walk through).
    func allIds(filter: LeadFilter = .all, sort: LeadSort = .nameAscending) throws -> [Int64] {
        try store.leads(filter: filter, sort: sort, limit: 1_000_000).map(\.id)
    }

    /// A valid lead.
    func makeLead(_ first: String, _ last: String, status: LeadStatus = .prospect, owner: String = "ana",
                  email: String? = nil) -> Lead {
        Lead(firstName: first, lastName: last,
             email: email ?? "\(first.lowercased()).\(last.lowercased())@example.com",
             phone: "+4915112345678", company: "Acme", source: .website, status: status, owner: owner,
             createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }

    /// Outbox entries of one lead.
    func outbox(_ leadId: Int64) throws -> [OutboxEntry] { try store.outboxEntries(forLead: leadId) }
}
