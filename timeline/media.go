package timeline

// Media is an image, a video or another embed shown with an event
// ([event.media] in a file): what TimelineJS shows on a slide.
type Media struct {
	// URL is where the media is: an http or https address (required).
	URL string
	// Caption and Credit are Markdown, shown with the media.
	Caption string
	Credit  string
	// Thumbnail is the address of a small image of it.
	Thumbnail string
	// Alt is text that says what the media shows, for those who cannot
	// see it.
	Alt string
}

var mediaKeys = []string{"url", "caption", "credit", "thumbnail", "alt"}
