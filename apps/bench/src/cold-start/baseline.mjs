// Cold start of the runtime itself: a fresh process that imports nothing, to read the others against.
