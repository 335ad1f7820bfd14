import Foundation
import TerminalUI

/// The keymap and theme, read on another thread from the moment the terminal UI starts: they do
/// not depend on the database, so they are parsed while it opens (3–5 ms of a warm start).
struct PendingUIConfiguration: Sendable {
    private let task: Task<UIConfiguration, Never>

    /// Starts reading `--keymap` / `--theme` (nil: the defaults) and the user's files.
    init(keymap: String?, theme: String?, environment: [String: String]) {
        task = Task.detached(priority: .userInitiated) {
            UIConfiguration.load(keymap: keymap, theme: theme, environment: environment)
        }
    }

    /// The configuration, once read.
    var value: UIConfiguration {
        get async { await task.value }
    }
}
