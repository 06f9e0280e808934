package main

// emptyTemplate is what backstory init --empty writes: a short chronology
// that shows each part of the format once, to fill in.
const emptyTemplate = `# A chronology for backstory: edit it, then run  backstory events.toml
# (backstory check events.toml says what is wrong, with the line).

title = "The story's title"
description = """
What the story is about, in a sentence or two: the overview (i) shows it.
"""

# An era is a stretch of time; the list and the ruler show it.
[[era]]
title = "First part"
start = 2024-01-01
end = 2024-12-31

# One [[event]] a table. Dates: 2024-03-05, "2024-03" or "2024" (a month
# or a year), with end = … for a span and approximate = true for "about".
[[event]]
id = "first-event"
date = 2024-03-05
title = "What happened"
summary = "One line that says why it matters."
tags = ["example"]
people = ["A. Person"]
places = ["A place"]
body = """
What happened, in Markdown.
"""

# Sources are numbered 1, 2 … in the order written.
[[event.source]]
title = "The article or document"
publisher = "Who published it"
url = "https://example.com/"
published = 2024-03-06

# A claim: status is verified, unverified, disputed or false; sources
# names the sources above that settle it.
[[event.claim]]
text = "What someone says happened."
status = "unverified"
sources = [1]
`
