import Core
import Foundation

/// Everything that can go wrong while talking to a remote, classified by what the worker does about it.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// seed 001 401 with errors key "auth": pause all sync until the user fixes the credentials.
    case credentialsRejected(String)
    /// seed 001 400 "Validation Error" or 401 "Request Failed": this one change is refused, with the server's messages.
    case rejected(ValidationErrors)
    /// 429: do not send anything before `until` (nil when the server named no reset).
    case rateLimited(until: Date?)
    /// A 5xx answer.
    case serverError(status: Int)
    /// Another status the client does not expect (treated as a rejection of the change).
    case unexpectedStatus(Int)
    /// The request timed out.
    case timedOut
    /// The connection dropped before a whole answer arrived.
    case connectionLost
    /// Nothing listens at the remote's address (or the name does not resolve).
    case unreachable(String)
    /// The answer was not the JSON the API documents.
    case malformedResponse(String)
    /// A configuration problem (file, remote, secrets), already phrased for the user.
    case configuration(String)
    /// The task was cancelled.
    case cancelled
    /// The remote refuses to take anything more for a reason only the user can fix (ClosingDealz's
    /// free plan): that remote stops, with the vendor's message, until the user resumes it.
    case remoteRefused(String)

    /// Whether retrying the same request later can succeed (5xx, timeouts, dropped connections, garbled answers).
    public var isTransient: Bool {
        switch self {
        case .serverError, .timedOut, .connectionLost, .unreachable, .malformedResponse: return true
        default: return false
        }
    }

    /// Whether a request that failed this way may still have been carried out by the server
    /// (the request went out and no answer came back).
    public var mayHaveReachedServer: Bool {
        switch self {
        case .timedOut, .connectionLost, .malformedResponse, .cancelled: return true
        default: return false
        }
    }

    /// The user-facing text. Never holds a secret: requests' headers are not part of any case.
    public var description: String {
        switch self {
        case .credentialsRejected(let message): return "credentials rejected: \(TextSanitizer.line(message))"
        case .rejected(let errors): return "rejected by the server: \(TextSanitizer.line(errors.description))"
        case .rateLimited(let until):
            guard let until else { return "rate limited by the server" }
            return "rate limited by the server until \(WireDate.formatTimestamp(until))"
        case .serverError(let status): return "server error (HTTP \(status))"
        case .unexpectedStatus(let status): return "unexpected answer from the server (HTTP \(status))"
        case .timedOut: return "the server did not answer in time"
        case .connectionLost: return "the connection to the server dropped"
        case .unreachable(let detail): return "server unreachable: \(TextSanitizer.line(detail))"
        case .malformedResponse(let detail): return "malformed answer from the server: \(TextSanitizer.line(detail))"
        case .configuration(let message): return message
        case .cancelled: return "cancelled"
        case .remoteRefused(let message): return "the remote refuses more: \(TextSanitizer.line(message))"
        }
    }
}
