// ViewModelsTests: filled by its issue.
