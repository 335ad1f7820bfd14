import Foundation

/// The key list as plain text (for `--help-keys` and the README): per context, each action with
/// its keys and description, from the same data as the help overlay.
public enum KeyReference {
    /// Lines of text; actions without keys are left out unless `includeUnbound`.
    public static func text(keymap: Keymap, actions: ActionTable = .standard, includeUnbound: Bool = false) -> String {
        let help = HelpOverlay(keymap: keymap, actions: actions)
        var out: [String] = []
        var pendingHeading: String? = nil
        for line in help.allLines {
            if line.isHeading {
                pendingHeading = line.summary
                continue
            }
            if line.keys.isEmpty && !includeUnbound { continue }
            if let heading = pendingHeading {
                if !out.isEmpty { out.append("") }
                out.append(heading)
                pendingHeading = nil
            }
            let keys = line.keys.padding(toLength: max(line.keys.count, 18), withPad: " ", startingAt: 0)
            let name = (line.action?.rawValue ?? "").padding(toLength: 20, withPad: " ", startingAt: 0)
            out.append("  \(keys) \(name) \(line.summary)")
        }
        return out.joined(separator: "\n")
    }
}
