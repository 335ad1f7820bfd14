import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if os(Linux)
import Glibc
#endif

/// The `HTTPTransport` on URLSession: one attempt per call, errors mapped to `SyncError`.
public final class HTTPClient: HTTPTransport, @unchecked Sendable {
    // URLSession is thread-safe; the class holds no other state.
    private let session: URLSession?

    /// A client whose requests time out after `timeout` seconds (URLSession truncates to whole
    /// seconds on Linux, so values under 1 s are raised to 1 s; see PLATFORM-NOTES).
    public init(timeout: TimeInterval = 30, maxConnectionsPerHost: Int = 4) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = max(1, timeout.rounded(.up))
        configuration.timeoutIntervalForResource = max(1, timeout.rounded(.up)) * 4
        configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = HTTPClient.curlInstalled ? URLSession(configuration: configuration) : nil
    }

    deinit { session?.invalidateAndCancel() }

    /// Whether URLSession's libcurl can be loaded. Release `closer` opens libcurl.so.4 only when
    /// the first https client is made (see CCurlLoader); without it URLSession would stop the
    /// process, so requests fail with a message instead.
    static let curlInstalled: Bool = {
        #if os(Linux)
        return dlopen("libcurl.so.4", RTLD_NOW) != nil
        #else
        return true
        #endif
    }()

    public func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        guard let session else {
            throw SyncError.configuration("https needs libcurl.so.4, which is not installed (Debian: apt install libcurl4)")
        }
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch {
            throw HTTPClient.map(error, host: request.url.host ?? "")
        }
        guard let http = response as? HTTPURLResponse else { throw SyncError.connectionLost }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let name = key as? String, let text = value as? String { headers[name] = text }
        }
        return HTTPClientResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// Maps a URLSession failure to the sync error that says what to do about it.
    static func map(_ error: Error, host: String) -> SyncError {
        if error is CancellationError { return .cancelled }
        guard let urlError = error as? URLError else { return .connectionLost }
        switch urlError.code {
        case .cancelled: return .cancelled
        case .timedOut: return .timedOut
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return .unreachable("cannot connect to \(host)")
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid:
            // The handshake failed, so no request left: never "outcome unknown", and say why.
            return .unreachable("the TLS certificate of \(host) is not trusted (check the url, or the system's CA certificates)")
        case .secureConnectionFailed, .clientCertificateRejected, .clientCertificateRequired:
            return .unreachable("no secure connection to \(host) (TLS handshake failed)")
        default:
            // FoundationNetworking reports most curl failures as code -1 with curl's text; a failed
            // handshake ("SSL certificate problem: …", "SSL connect error") means nothing was sent.
            let detail = (urlError as NSError).userInfo[NSLocalizedDescriptionKey] as? String ?? ""
            if Self.isHandshakeFailure(detail) { return .unreachable("no secure connection to \(host): \(detail)") }
            return .connectionLost
        }
    }

    /// Whether curl's text names a failure of the TLS handshake (before any request byte left),
    /// not one while reading an answer ("SSL_read: …", which may follow a request the server took).
    static func isHandshakeFailure(_ detail: String) -> Bool {
        let lower = detail.lowercased()
        return lower.contains("certificate") || lower.contains("ssl connect") || lower.contains("ssl_connect")
            || lower.contains("tls connect") || lower.contains("no alternative certificate subject name")
    }
}
