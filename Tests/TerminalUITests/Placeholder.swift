// TerminalUITests: filled by its issue.
