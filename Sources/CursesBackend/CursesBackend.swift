// CursesBackend module: see the issue that fills it.
