// SimulatorTests: filled by its issue.
