// Cold start of Node itself: a fresh process that imports nothing, to read the other two against.
