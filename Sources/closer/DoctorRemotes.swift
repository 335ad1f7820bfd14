import Core
import Foundation
import Store
import Sync

/// `closer doctor`'s remote checks: for each configured remote, one harmless request (reachable,
/// credentials accepted, rate-limit headroom), what it can do, and its queue.
enum DoctorRemotes {
    /// Report lines as (level, text); level is ok, warn or FAIL.
    static func check(store: LeadStore?) async -> [(String, String)] {
        var lines: [(String, String)] = []
        let remotes: [RemoteConfig]
        do {
            remotes = try ConfiguredRemotes.load()
        } catch {
            return [("FAIL", "remotes: \(error)")]
        }
        guard !remotes.isEmpty else { return [("ok", "no remote configured (sync off)")] }
        for remote in remotes {
            let label = "remote \(remote.name) (\(remote.kind.rawValue))"
            let provider: any RemoteProvider
            do {
                let credentials = try SecretResolver().credentials(for: remote)
                provider = try RemoteProviderFactory.make(
                    remote, credentials: credentials, transport: DefaultTransport.make(for: remote.url, timeout: 5),
                    retryPolicy: RetryPolicy(base: 0.1, cap: 0.5, maxAttempts: 1))
            } catch {
                lines.append(("FAIL", "\(label): \(error)"))
                continue
            }
            if let probing = provider as? any ProbingProvider {
                do {
                    let report = try await probing.probe()
                    lines.append(("ok", "\(label): reachable, \(report.detail)"
                        + (report.headroom.map { "; rate limit: \($0)" } ?? "")))
                } catch let error as SyncError {
                    switch error {
                    case .credentialsRejected(let message):
                        lines.append(("FAIL", "\(label): credentials rejected (\(message))"))
                    case .remoteRefused(let message):
                        lines.append(("FAIL", "\(label): \(message)"))
                    default:
                        lines.append(("warn", "\(label): \(error)"))
                    }
                } catch {
                    lines.append(("warn", "\(label): \(error)"))
                }
            }
            var facts = "can: " + provider.capabilities.features.names.joined(separator: ", ")
            facts += remote.forwardsNewLeads ? "; new local leads are sent here" : ""
            lines.append(("ok", "\(label): \(facts)"))
            if let store, let counts = try? store.outboxCounts(remote: remote.name) {
                let unknown = counts[.unknown] ?? 0
                let rejected = counts[.rejected] ?? 0
                lines.append((unknown + rejected > 0 ? "warn" : "ok",
                              "\(label): \(counts[.pending] ?? 0) queued, \(rejected) rejected, \(unknown) outcome unknown"
                                  + (unknown > 0 ? " (closer push --review)" : "")))
                if provider.capabilities.can(.pullLeads), let freshness = try? DetailFreshness.read(store: store, remote: remote.name) {
                    lines.append((freshness.isStale ? "warn" : "ok", "\(label): \(freshness.summary)"))
                }
            }
        }
        return lines
    }
}
