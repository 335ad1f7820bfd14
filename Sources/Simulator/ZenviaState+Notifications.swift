import Foundation

extension ZenviaState {
    /// seed 004's webhook topics.
    static let notificationTopics = ["prospects", "interactions", "quotes", "agents"]

    /// GET /notifications/subscriptions: the active ones (at most one: "limited to one per group").
    func subscriptionsJSON() -> [[String: Any]] {
        lock.withLock { subscriptions.filter(\.active).map(Self.json) }
    }

    /// POST /notifications/subscriptions `{topics, callbackUrl}`: "subscribing twice will result in
    /// the first subscription being deactivated". Nothing is ever delivered (no callbacks on loopback).
    func subscribe(_ body: [String: Any]) throws(ZenviaError) -> [String: Any] {
        guard let topics = body["topics"] as? [String], !topics.isEmpty else { throw .missing("topics is required.") }
        for topic in topics where !Self.notificationTopics.contains(topic) {
            throw .invalid("Unknown topic '\(topic)'; see /notifications/topics.")
        }
        guard case .value(let callback) = JSONBody.text(body, "callbackUrl"), let url = URL(string: callback),
              url.scheme == "http" || url.scheme == "https" else { throw .missing("callbackUrl is required (an http or https URL).") }
        return lock.withLock {
            for index in subscriptions.indices { subscriptions[index].active = false }
            let subscription = ZenviaSubscription(id: makeId(at: clock()), topics: topics, callbackUrl: url.absoluteString, active: true)
            subscriptions.append(subscription)
            return Self.json(subscription)
        }
    }

    /// GET or DELETE /notifications/subscription/{id} (an active one; DELETE deactivates it).
    func subscription(_ id: String, deactivate: Bool) throws(ZenviaError) -> [String: Any] {
        guard ZenviaVocabulary.isId(id) else { throw .invalid("subscriptionId must match ^[a-z0-9]{24}$.") }
        return try locked { () throws(ZenviaError) in
            guard let index = subscriptions.firstIndex(where: { $0.id == id && $0.active }) else {
                throw ZenviaError(status: 404, message: "Subscription not found.", code: "NOT_FOUND")
            }
            if deactivate { subscriptions[index].active = false }
            return Self.json(subscriptions[index])
        }
    }

    static func json(_ subscription: ZenviaSubscription) -> [String: Any] {
        ["id": subscription.id, "topics": subscription.topics, "callbackUrl": subscription.callbackUrl]
    }
}

/// A webhook subscription (seed 004: id, topics, callbackUrl).
struct ZenviaSubscription: Sendable {
    let id: String
    let topics: [String]
    let callbackUrl: String
    var active: Bool
}
