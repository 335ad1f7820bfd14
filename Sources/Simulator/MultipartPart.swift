/// One part of a `multipart/form-data` body with its raw bytes (files, where `FormDecoder.multipart`
/// keeps only text fields).
struct MultipartPart: Sendable {
    let name: String
    let filename: String?
    let contentType: String?
    let data: [UInt8]

    /// Every part of `body`, or nil when it is malformed or the Content-Type has no boundary.
    static func parse(_ body: [UInt8], contentType: String) -> [MultipartPart]? {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
              let boundary = FormDecoder.parameter("boundary", in: contentType), !boundary.isEmpty else { return nil }
        let delimiter = [UInt8](("--" + boundary).utf8)
        guard var position = FormDecoder.find(delimiter, in: body, from: 0) else { return nil }
        var parts: [MultipartPart] = []
        while true {
            var start = position + delimiter.count
            if start + 1 < body.count, body[start] == 45, body[start + 1] == 45 { return parts }
            guard start + 1 < body.count, body[start] == 13, body[start + 1] == 10 else { return nil }
            start += 2
            guard let next = FormDecoder.find([13, 10] + delimiter, in: body, from: start),
                  let split = FormDecoder.find([13, 10, 13, 10], in: Array(body[start..<next]), from: 0)
            else { return nil }
            guard let head = String(bytes: body[start..<(start + split)], encoding: .utf8) else { return nil }
            var name: String?
            var filename: String?
            var type: String?
            for line in head.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    name = FormDecoder.parameter("name", in: line)
                    filename = FormDecoder.parameter("filename", in: line)
                } else if lower.hasPrefix("content-type:") {
                    type = String(line.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let name else { return nil }
            parts.append(MultipartPart(name: name, filename: filename, contentType: type, data: Array(body[(start + split + 4)..<next])))
            position = next + 2
        }
    }
}
