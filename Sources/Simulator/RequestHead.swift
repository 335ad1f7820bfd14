import Foundation

/// The request line and headers of one request, validated strictly: anything odd is a 400.
struct RequestHead {
    var method: String
    var target: String
    var headers: [String: String]
    var contentLength: Int
    var keepAlive: Bool

    /// Why a head was refused, with the answer to send.
    struct Problem: Error {
        let response: HTTPResponse
        init(_ status: Int, _ message: String) { response = .text(status, message, close: true) }
    }

    /// Parses the bytes before the blank line.
    static func parse(_ bytes: [UInt8]) -> Result<RequestHead, Problem> {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            return .failure(Problem(400, "Request head is not valid UTF-8."))
        }
        var lines = text.components(separatedBy: "\r\n")
        while lines.first == "" { lines.removeFirst() }  // RFC 9112: ignore leading empty lines
        guard let requestLine = lines.first else { return .failure(Problem(400, "Empty request.")) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .failure(Problem(400, "Malformed request line.")) }
        let method = String(parts[0])
        let target = String(parts[1])
        let version = String(parts[2])
        guard !method.isEmpty, method.count <= 16, method.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            return .failure(Problem(400, "Malformed method."))
        }
        guard target.hasPrefix("/"), !target.utf8.contains(where: { $0 <= 32 || $0 == 127 }) else {
            return .failure(Problem(400, "Malformed request target."))
        }
        guard version.hasPrefix("HTTP/") else { return .failure(Problem(400, "Malformed HTTP version.")) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .failure(Problem(505, "Only HTTP/1.0 and HTTP/1.1 are supported."))
        }
        var headers: [String: String] = [:]
        var lengths: Set<String> = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line.hasPrefix(" "), !line.hasPrefix("\t") else {
                return .failure(Problem(400, "Malformed header line."))
            }
            let name = line[..<colon].lowercased()
            guard !name.contains(" "), !name.contains("\t") else { return .failure(Problem(400, "Malformed header name.")) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            if name == "content-length" { lengths.insert(value) }
            headers[name] = value
        }
        if headers["transfer-encoding"] != nil {
            return .failure(Problem(411, "Transfer-Encoding is not supported; send the body with Content-Length."))
        }
        var contentLength = 0
        if !lengths.isEmpty {
            guard lengths.count == 1, let value = lengths.first, !value.isEmpty, value.count <= 15,
                  value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(value) else {
                return .failure(Problem(400, "Malformed Content-Length."))
            }
            contentLength = number
        }
        let connection = headers["connection"]?.lowercased() ?? ""
        let keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        return .success(RequestHead(
            method: method, target: target, headers: headers, contentLength: contentLength, keepAlive: keepAlive))
    }
}
