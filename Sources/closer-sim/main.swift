// closer-sim: the five vendor APIs simulated on one loopback port (see SimulatorServer).
import Foundation
import Simulator

#if canImport(Glibc)
import Glibc
#endif

let configuration: SimulatorConfiguration
switch SimulatorCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(.help):
    print(SimulatorCommandLine.usage)
    exit(0)
case .failure(let problem):
    FileHandle.standardError.write(Data((problem.description + "\n").utf8))
    exit(2)
case .success(.run(let parsed)):
    configuration = parsed
}

let server: SimulatorServer
do {
    server = try SimulatorServer.start(configuration)
} catch {
    FileHandle.standardError.write(Data("closer-sim: cannot listen on \(configuration.host):\(configuration.port): \(error)\n".utf8))
    exit(1)
}

// SIGINT/SIGTERM end the process at once (the kernel closes the sockets; there is nothing to
// flush). A plain handler, installed before the banner, so a script may stop the server as soon
// as it has read it.
signal(SIGINT) { _ in _exit(0) }
signal(SIGTERM) { _ in _exit(0) }

// Written unbuffered, so a script reading the pipe sees the lines at once.
var banner = "base_url=\(server.baseURL.absoluteString)\ncontrol_url=\(server.origin.absoluteString)/_sim/\n"
for user in server.users {
    banner += "user=\(user.username) apikey=\(user.apiKey) token=\(user.token)\n"
}
for endpoint in server.endpoints {
    banner += endpoint.line + "\n"
}
FileHandle.standardOutput.write(Data(banner.utf8))

while true { sleep(3600) }
