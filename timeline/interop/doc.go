// Package interop moves chronologies in and out of the forms newsrooms
// publish and keep timelines in.
//
// Export: Markdown (a background memo), JSON (ChronologyJSON), and
// Knight Lab's TimelineJS3 JSON. One event: EventMarkdown, the Markdown
// document backstory show prints and the viewer renders (EventSections,
// in parts), and JSONEvent, its shape in list --json (EventsJSON).
//
// Import: TimelineJS3 (its JSON, or its Google spreadsheet template saved
// as CSV) and ProPublica's TimelineSetter CSV, written out as a
// chronology's TOML by TOML, which lays a file out as a person would.
//
// What does not survive, and why:
//
// TimelineJS has no fields for a summary, claims, sources, links between
// events, people, places or more than one tag (its group). Export writes
// them into the slide's HTML text, each in an element with a
// "backstory-..." class, so they show on the slide and import reads them
// back. It has no time zones (a time is exported as written, its offset
// dropped) and no "approximate" (exported as a display_date "about ...",
// which import reads back). An era needs an end in TimelineJS: one without
// ends with the chronology's last event. Titles, display dates, tags,
// people, places and publishers are HTML text there, read back as a
// browser shows them: runs of white space are one space, blank items are
// dropped, and a tag is kept once. A display date that reads as export
// writes an approximate one ("about 24 Feb 2018") is read back as that. A
// body comes back with the same text, its Markdown perhaps written another
// way (goldmark's HTML read back by html-to-markdown), raw HTML left out.
// A link of an event to itself (which check warns about) is left out on
// import.
//
// Importing TimelineJS keeps a slide's media as the event's [event.media]
// (its address, caption and credit as Markdown, thumbnail and alt text; an
// iframe as the address it shows); an embedded blockquote joins the body
// as Markdown. What a chronology has no place for is left out with a
// warning: a media link or title, media that is no web address (a file
// path), backgrounds, columns and cells a format does not have. Import
// leaves out silently only scale, autolink and milliseconds, and a time on
// a date before year 1 (TOML cannot hold it). An event without a start
// date, or with a year outside -9999 to 9999, is left out with a warning,
// as TimelineJS3 leaves it out. Bare web addresses in text become
// autolinks; link addresses are kept as written. The older spreadsheet
// template (Start Date, End Date, Tag) is read as TimelineJS3 reads it;
// TimelineJS 2 JSON, which TimelineJS3 does not read, is refused.
//
// Importing TimelineSetter reads dates as TimelineSetter (with Ruby's
// Chronic) reads them, a file's numeric dates all month first or, when one
// reads only so, all day first; series is a tag, link a source (titled
// with the site's name, since the file has no title for it), html and the
// description the body. TimelineSetter has no titles: its headline
// convention (<h2 class="timeline-img-hed"> in the html) is one, else the
// first sentence of the description.
package interop
