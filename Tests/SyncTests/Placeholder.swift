// SyncTests: filled by its issue.
