import Store

/// List pages whose new leads (with their details) wait to be written together with the scan
/// position after the last of them (`PullEngine`): one transaction for several pages of a first
/// pull instead of one each.
struct HeldPages {
    /// Changed linked rows (and new rows the server gave no detail for), in scan order.
    var changed: [RemoteLead] = []
    /// New leads with their details, in scan order.
    var found: [NewLeadDetails.Found] = []
    /// The push mark read before the first held page's request (the oldest: the strictest check).
    var readAt: PushMark?
    /// The scan position after the last held page.
    var next = ""

    var isEmpty: Bool { changed.isEmpty && found.isEmpty }

    /// Adds a page's rows and details, read after `readAt`, followed by position `next`.
    mutating func add(changed: [RemoteLead], found: [NewLeadDetails.Found], readAt: PushMark, next: String) {
        self.changed += changed
        self.found += found
        if self.readAt == nil { self.readAt = readAt }
        self.next = next
    }
}
