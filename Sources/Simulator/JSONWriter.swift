/// A streaming JSON writer for big answers (`/_sim/state` of 100,000 leads), where building
/// Foundation objects for JSONSerialization costs seconds and gigabytes.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func beginObject() { value(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
    mutating func beginArray() { value(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// Writes `"name":` inside an object; the next value call writes its value.
    mutating func key(_ name: String) {
        value()
        escape(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    mutating func string(_ text: String) { value(); escape(text) }
    mutating func int(_ number: Int64) { value(); bytes.append(contentsOf: String(number).utf8) }
    mutating func int(_ number: Int) { int(Int64(number)) }
    mutating func bool(_ flag: Bool) { value(); bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
    /// A value already serialized as JSON (a vendor's part of `/_sim/state`).
    mutating func raw(_ json: [UInt8]) { value(); bytes.append(contentsOf: json) }
    mutating func null() { value(); bytes.append(contentsOf: "null".utf8) }

    /// `"name": "text"` in one call.
    mutating func field(_ name: String, _ text: String) { key(name); string(text) }
    mutating func field(_ name: String, _ number: Int64) { key(name); int(number) }
    mutating func field(_ name: String, _ flag: Bool) { key(name); bool(flag) }

    /// A comma before every element but the first of the current container.
    private mutating func value() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func escape(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
