// TerminalUI module: see the issue that fills it.
