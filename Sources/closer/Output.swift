import Core
import Foundation

/// Buffered writing to stdout or a file, so a million-row export makes few system calls.
final class Output {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let limit = 1 << 16
    /// Whether the destination is a terminal (then untrusted text must be sanitised).
    let isTerminal: Bool

    /// Standard output.
    static func standard() -> Output { Output(handle: .standardOutput, isTerminal: Platform.isTerminal(1)) }

    /// A new or truncated file at `path`.
    static func file(_ path: String) throws -> Output {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        return Output(handle: handle, isTerminal: false)
    }

    init(handle: FileHandle, isTerminal: Bool) {
        self.handle = handle
        self.isTerminal = isTerminal
        buffer.reserveCapacity(limit + 4096)
    }

    /// Appends text; flushes when the buffer is full.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { try flush() }
    }

    /// Appends text and a newline.
    func line(_ text: String) throws { try write(text + "\n") }

    /// Writes out what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// One line on standard error (unbuffered), sanitised: messages quote file names, headers
    /// and values from untrusted files.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TextSanitizer.line(text) + "\n").utf8))
    }
}
