import Foundation

/// What people type into a phone field, made into what seed 001's rule accepts.
public enum PhoneInput {
    /// Characters people write between digits (`+49 (151) 123-4567`, `030/123.456`), dropped before the rule.
    static let separators: Set<Character> = [" ", "\t", "(", ")", "-", ".", "/", "\u{00A0}"]

    /// `+49 151 1234567` → `+491511234567`: separators removed when what is left is an optional
    /// `+` and ASCII digits; anything else is returned unchanged, so the rule's message shows
    /// what was typed.
    public static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let kept = trimmed.filter { !separators.contains($0) }
        var digits = Substring(kept)
        if digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return trimmed }
        return kept
    }
}
