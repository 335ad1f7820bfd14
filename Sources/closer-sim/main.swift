// closer-sim: filled by its issue.
print("closer-sim: not built yet")
