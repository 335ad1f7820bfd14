// Store module: see the issue that fills it.
