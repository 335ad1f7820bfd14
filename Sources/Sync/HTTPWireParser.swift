import Foundation

/// Reads an HTTP/1.1 response from bytes as they arrive: status line, headers, then a body framed
/// by Content-Length, chunked transfer coding, or the end of the connection.
struct HTTPWireParser {
    enum Outcome: Equatable {
        case needMore
        case done(HTTPClientResponse, keepAlive: Bool)
    }

    static let maxHeaderBytes = 64 * 1024
    static let maxBodyBytes = 256 * 1024 * 1024

    private var buffer: [UInt8] = []
    private var head: (status: Int, headers: [String: String], keepAlive: Bool)?
    private var bodyStart = 0
    /// Whether the response to a HEAD-like request has no body (not used by the client).
    var expectsBody = true

    /// Feeds bytes; an empty array means the peer closed the connection.
    mutating func feed(_ bytes: [UInt8]) throws -> Outcome {
        let closed = bytes.isEmpty
        if buffer.isEmpty { buffer = bytes } else { buffer += bytes }
        if head == nil {
            guard let end = Self.find([13, 10, 13, 10], in: buffer, from: 0) else {
                if closed || buffer.count > Self.maxHeaderBytes { throw SyncError.connectionLost }
                return .needMore
            }
            head = try Self.parseHead(Array(buffer[0..<end]))
            bodyStart = end + 4
        }
        guard let head else { return .needMore }
        let headers = head.headers
        if !expectsBody || head.status == 204 || head.status == 304 || (100..<200).contains(head.status) {
            return .done(HTTPClientResponse(status: head.status, lowercasedHeaders: headers), keepAlive: head.keepAlive)
        }
        if let lengthText = headers["content-length"] {
            // The value is trimmed already (parseHead); Int parses it without Foundation.
            guard let length = Int(lengthText), length >= 0, length <= Self.maxBodyBytes else {
                throw SyncError.malformedResponse("bad Content-Length")
            }
            if buffer.count - bodyStart >= length {
                let body = Data(buffer[bodyStart..<(bodyStart + length)])
                return .done(HTTPClientResponse(status: head.status, lowercasedHeaders: headers, body: body), keepAlive: head.keepAlive)
            }
            if closed { throw SyncError.connectionLost }
            return .needMore
        }
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            if let body = try Self.dechunk(Array(buffer[bodyStart...])) {
                return .done(HTTPClientResponse(status: head.status, lowercasedHeaders: headers, body: Data(body)), keepAlive: head.keepAlive)
            }
            if closed { throw SyncError.connectionLost }
            return .needMore
        }
        // No framing: the body runs to the end of the connection.
        guard closed else {
            if buffer.count - bodyStart > Self.maxBodyBytes { throw SyncError.malformedResponse("body too large") }
            return .needMore
        }
        return .done(HTTPClientResponse(status: head.status, lowercasedHeaders: headers, body: Data(buffer[bodyStart...])), keepAlive: false)
    }

    /// The status line and headers (names lower-cased; repeated names joined with ", "), read
    /// from the bytes without building a String of the whole head.
    static func parseHead(_ bytes: [UInt8]) throws -> (status: Int, headers: [String: String], keepAlive: Bool) {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                lines.append(bytes[start..<i])
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        let statusLine = lines[0]
        let parts = statusLine.split(separator: 32, maxSplits: 2, omittingEmptySubsequences: true)
        let http11 = "HTTP/1.1".utf8
        guard parts.count >= 2, parts[0].starts(with: Array("HTTP/1.".utf8)),
              let status = Int(String(decoding: parts[1], as: UTF8.self)), (100...599).contains(status) else {
            throw SyncError.malformedResponse("bad status line")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: 58) else { throw SyncError.malformedResponse("bad header line") }
            let name = String(decoding: trimmed(line[line.startIndex..<colon]).map(lowercasedASCII), as: UTF8.self)
            let value = String(decoding: trimmed(line[(colon + 1)...]), as: UTF8.self)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        let connection = Array((headers["connection"] ?? "").lowercased().utf8)
        let keepAlive = parts[0].elementsEqual(http11) ? !contains(connection, "close") : contains(connection, "keep-alive")
        return (status, headers, keepAlive)
    }

    /// Whether `text` occurs in `bytes` (no Foundation string search: one per response).
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        find(Array(text.utf8), in: bytes, from: 0) != nil
    }

    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lower = bytes.startIndex, upper = bytes.endIndex
        while lower < upper, bytes[lower] == 32 || bytes[lower] == 9 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 32 || bytes[upper - 1] == 9 { upper -= 1 }
        return bytes[lower..<upper]
    }

    static func lowercasedASCII(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }

    /// The decoded body when every chunk (and the final zero chunk) has arrived, else nil.
    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8]? {
        var body: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: index) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0,
                  body.count + size <= maxBodyBytes else { throw SyncError.malformedResponse("bad chunk size") }
            let dataStart = lineEnd + 2
            if size == 0 {
                return find([13, 10], in: bytes, from: dataStart) == nil ? nil : body
            }
            guard bytes.count >= dataStart + size + 2 else { return nil }
            body += bytes[dataStart..<(dataStart + size)]
            index = dataStart + size + 2
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var match = true
                for j in 1..<needle.count where haystack[i + j] != needle[j] {
                    match = false
                    break
                }
                if match { return i }
            }
            i += 1
        }
        return nil
    }
}
