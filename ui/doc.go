// Package ui is the interactive viewer of backstory: a Bubble Tea program
// that shows a chronology as a list of events beside a rendered detail
// pane, with a filter bar, links between events and a jump history.
//
// # Components
//
// Each pane is a component in a file of its own, a type with
//
//	Update(tea.Msg) (*T, tea.Cmd)  // its own keys, wheel, and results of its commands
//	View() string                  // exactly the size it was given
//	SetSize(w, h int)
//	KeyMap() KeyMap                // its keys, enabled only where they do something now
//
// and setters for what it shows that belongs to others (SetWords,
// SetCount, SetKeys …). A component never reads another's fields; the
// root passes what it needs.
//
//	ruler.go    rulerModel     the time ruler: eras, density, the marker, zoom (ruler_axis.go: ticks, labels)
//	list.go     listModel      the timeline: selection and scrolling (list_rows.go: rows, gaps, pinned headers)
//	detail.go   detailModel    one event (or the overview) in a viewport, and matches
//	detail_links.go            its links: selected, followed, named under the pane
//	filter.go   filterModel    the filter bar and its runs (filter_recall.go: history, tab)
//	help.go     helpOverlay    the full help (?), drawn over the panes
//	claims.go   claimsView     every claim of the events shown (c), in place of the panes
//	picker.go   sourcePicker   which source o, y or Y is for; an address to read whole
//	banner.go   problemsBanner what is wrong with the files on disk (!)
//	status.go   statusLine     the footer: a status message or the short help, and the position
//	footer.go                  how the footer fits its keys in the width
//
// # The root
//
// Model (app.go) keeps the layout, the focus (list or detail), the event
// on show (Model.current: the one place it is held), the jump history and
// the actions that cross panes: route.go says which keys work now
// (merging the components' key maps) and who gets a key, mouse.go who
// gets a click or the wheel; jump.go follows links and keeps the components in step after every
// message (sync); reload.go reads the files again, comparing and
// filtering in its command, off the key path; edit.go runs the editor;
// add.go writes a new event for a and takes it out when left untouched;
// broken.go opens the viewer on files that do not load at start;
// print.go renders an event for backstory show; actions.go opens a
// source ($BROWSER, then the system's opener), copies a citation or an
// address, and routes the keys of the source picker and the claims view;
// memo.go writes the memo (x). Focus, the filter bar's input mode and the
// overlays (help, picker, claims) are separate state. Every method has a
// pointer receiver.
//
// # Where things go
//
//   - A key: its binding in keys.go (defaultKeyMap, and FullHelp and
//     shortKeys for where the help shows it). A key of one pane: enable
//     it in that component's KeyMap and act on it in its Update. A key
//     that crosses panes: enable it in Model.keyMap and act on it in
//     Model.act. TestHelpNeverLies then checks it does something wherever
//     it is offered.
//   - A pane: copy the shape of problemsBanner (banner.go): a type with
//     the four methods, a field in Model, its size in Model.layout, its
//     view in compose (view.go), its keys merged in Model.keyMap, its
//     messages routed in Model.update.
//   - A colour: a field of Styles (styles.go), in the dark, light and
//     plain (notty) sets; nothing else picks a colour.
//   - A message from a command: its type in messages.go, its case in
//     Model.update, which hands it to the component it is for. Commands
//     compute and report; they never touch the model.
//   - What an event's document says (its head, claims, sources, links):
//     interop.EventSections (timeline/interop/export_event_markdown.go),
//     which backstory show prints too; the detail pane cuts it to its
//     caps (render.go) and renders it.
//   - Text that reaches the terminal from a file goes through
//     timeline.HarmlessLine (or HarmlessMarkdown), and is cut to its box
//     with fit or cut (text.go).
package ui
