import Core
import Foundation
@testable import Store

/// Leads, notes and activities as a pull brings them, timed in hours from a fixed base: the inputs
/// of the detail-batch deferral tests (touches, last activity).
struct PulledRecords {
    /// The base time, seconds since 1970.
    let base: Int64 = 1_790_000_000

    /// `hours` after the base (negative: before).
    func at(_ hours: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(base + hours * 3600)) }

    /// Lead `slug` ("a" → A Lee, a@example.com), created 48 h before the base.
    func lead(_ slug: String, owner: String = "ana", status: String = "prospect", updatedAt: Int64? = nil) -> RemoteLead {
        RemoteLead(remoteId: slug, fields: ["first_name": slug.uppercased(), "last_name": "Lee", "email": "\(slug)@example.com",
                                            "phone": "+4915112345678", "status": status, "assignee": owner],
                   createdAt: at(-48), updatedAt: updatedAt.map(at))
    }

    /// A note by ana.
    func note(_ id: String, _ hours: Int64, _ text: String = "note") -> RemoteNote {
        RemoteNote(remoteId: id, text: text, author: "ana", createdAt: at(hours))
    }

    /// An activity whose text is its type.
    func activity(_ id: String, _ type: String, _ hours: Int64) -> RemoteActivity {
        RemoteActivity(remoteId: id, type: type, text: type, createdAt: at(hours))
    }
}

/// A store test over records pulled from the remote "crm" (`PulledRecords`).
class PulledRecordsTestCase: StoreTestCase {
    let provider = "crm"
    let records = PulledRecords()
    var base: Int64 { records.base }

    func at(_ hours: Int64) -> Date { records.at(hours) }

    func note(_ id: String, _ hours: Int64, _ text: String = "note") -> RemoteNote { records.note(id, hours, text) }

    func activity(_ id: String, _ type: String, _ hours: Int64) -> RemoteActivity { records.activity(id, type, hours) }
}
