// CursesBackendTests: filled by its issue.
