// EndToEndTests: filled by its issue.
