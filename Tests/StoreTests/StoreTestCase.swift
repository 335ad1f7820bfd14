import Core
import Foundation
import XCTest
@testable import Store

/// Base class: a fresh temp-file database per test, removed afterwards.
class StoreTestCase: XCTestCase {
    var directory: URL!
    var path: String { directory.appendingPathComponent("test.db").path }
    var store: LeadStore!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("closer-store-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try LeadStore(path: path)
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// A valid lead with the given names.
    func makeLead(_ first: String, _ last: String, status: LeadStatus = .prospect, source: LeadSource? = .website,
                  owner: String = "ana", company: String = "Acme", created: Int64 = 1_700_000_000) -> Lead {
        Lead(firstName: first, lastName: last,
             email: "\(SortKey.fold(first)).\(SortKey.fold(last))@example.com".replacingOccurrences(of: " ", with: ""),
             phone: "+4915112345678", company: company, source: source, status: status, owner: owner,
             createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
    }
}
