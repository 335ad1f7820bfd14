// StoreTests: filled by its issue.
