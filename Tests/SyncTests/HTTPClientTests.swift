import Foundation
import Sync
import XCTest

final class HTTPClientTests: XCTestCase {
    func testConnectionRefusedIsUnreachableWithoutTheHeaders() async {
        // Port 9 (discard) is not listening on loopback here; the OS refuses at once.
        let client = HTTPClient(timeout: 2)
        let request = HTTPClientRequest(url: URL(string: "http://127.0.0.1:9/api/v1/leads/list/")!,
                                        headers: ["apikey": "SECRET-KEY"])
        do {
            _ = try await client.send(request)
            XCTFail("nothing listens on port 9")
        } catch let error as SyncError {
            guard case .unreachable = error else { return XCTFail("expected unreachable, got \(error)") }
            XCTAssertTrue(error.isTransient)
            XCTAssertFalse(error.description.contains("SECRET"))
        } catch {
            XCTFail("not a SyncError: \(error)")
        }
    }
}

/// https through URLSession against a real TLS server on loopback (python's `ssl` with a
/// self-signed certificate made by `openssl`): a certificate nobody trusts is "unreachable" with
/// the reason, not a dropped connection, so a push is never marked "outcome unknown" for a request
/// that never left, and no HTTP request reaches the server.
final class HTTPClientTLSTests: XCTestCase {
    func testAnUntrustedCertificateIsUnreachableWithTheReasonAndSendsNothing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-keyout", key, "-out", cert]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        do { try openssl.run() } catch { throw XCTSkip("openssl is not installed") }
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw XCTSkip("openssl could not make a certificate") }

        let script = """
            import socket, ssl, sys
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(sys.argv[1], sys.argv[2])
            srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(8)
            print(srv.getsockname()[1], flush=True)
            while True:
                c, _ = srv.accept()
                try:
                    t = ctx.wrap_socket(c, server_side=True)
                    if t.recv(1): print("request", flush=True)
                    t.close()
                except Exception:
                    c.close()
            """
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", script, cert, key]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        do { try server.run() } catch { throw XCTSkip("python3 is not installed") }
        // SIGKILL: a child may inherit a blocked SIGTERM from the test process.
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() } }
        let firstLine = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard let port = Int(firstLine.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw XCTSkip("the TLS server did not start: \(firstLine)")
        }

        let client = HTTPClient(timeout: 5)
        let request = HTTPClientRequest(method: "POST", url: URL(string: "https://127.0.0.1:\(port)/api/leads")!,
                                        headers: ["X-API-Key": "SECRET-KEY"], body: Data("{}".utf8))
        do {
            _ = try await client.send(request)
            XCTFail("a self-signed certificate must not be trusted")
        } catch let error as SyncError {
            guard case .unreachable = error else { return XCTFail("expected unreachable, got \(error)") }
            XCTAssertFalse(error.mayHaveReachedServer, "the request never left: a push is not 'outcome unknown'")
            XCTAssertTrue(error.description.contains("certificate") || error.description.contains("TLS"), error.description)
            XCTAssertFalse(error.description.contains("SECRET"))
        }
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertFalse(rest.contains("request"), "no HTTP byte reached the server")
    }
}
