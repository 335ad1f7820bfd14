// closer-bench: Closer's benchmarks. Run with `swift run -c release closer-bench <name> [options]`.
// Each benchmark lives in its own file as `enum <Name>Benchmark { static func run(_ args: [String]) throws }`
// and is listed in `BenchmarkRegistry.all`.
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = BenchmarkRegistry.all.first(where: { $0.name == name }) else {
    let names = BenchmarkRegistry.all.map(\.name).joined(separator: "|")
    FileHandle.standardError.write(Data("usage: closer-bench <\(names)> [options]\n".utf8))
    exit(2)
}
do {
    try benchmark.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("closer-bench \(name): \(error)\n".utf8))
    exit(1)
}
