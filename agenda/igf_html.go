package agenda

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// ParseIGFHTML reads an IGF session page saved from a browser as HTML, or
// fetched from its address, as [ParseIGF] reads the page's text: it reads
// the text a browser shows, a line for each paragraph, heading, list item,
// table cell or line break, with the page's <title> as a first line, and
// leaves out scripts, styles, navigation, the site's header and footer,
// sidebars and forms. List items are read as "• item", or "1. item" in a
// numbered list. A warning's line is the line of the HTML where its text
// starts.
//
// Its errors are those of ParseIGF; HTML that is not well-formed is read as
// a browser reads it, and is not an error.
func ParseIGFHTML(r io.Reader) (*Session, []Warning, error) {
	data, err := readInput(r)
	if err != nil {
		return nil, nil, &DecodeError{Err: err}
	}
	return parseIGF(htmlLines(data))
}

// htmlBlock are the elements that start a line of text.
var htmlBlock = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true, "details": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true,
	"main": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true, "table": true, "td": true,
	"th": true, "tr": true, "ul": true, "title": true, "label": true, "caption": true, "legend": true,
}

// htmlSkip are the elements whose text is not the page's: always, or, for
// a header, outside the page's main content.
var htmlSkip = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "nav": true, "footer": true,
	"aside": true, "form": true, "button": true, "select": true, "iframe": true, "object": true, "header": true,
}

// htmlReader is the state of htmlLines.
type htmlReader struct {
	lines  []igfLine
	cur    strings.Builder
	curN   int            // the line of the HTML where cur starts
	skip   map[string]int // open skipped elements by name
	main   int            // open main and article elements
	pre    int            // open pre elements
	lists  []int          // open lists: -1 for a bulleted one, else the number of items so far
	title  bool           // in the <title>
	titled bool           // the <title> was read
}

// htmlLines returns the lines of text of an HTML page, each numbered by the
// line of the HTML where it starts.
func htmlLines(data []byte) []igfLine {
	z := html.NewTokenizer(bytes.NewReader(data))
	r := htmlReader{skip: map[string]int{}}
	n := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		at := n
		switch tt {
		case html.TextToken:
			if r.skipping() {
				break
			}
			text := string(z.Text())
			if r.pre > 0 {
				for i, part := range strings.Split(text, "\n") {
					if i > 0 {
						r.flush()
					}
					r.text(part, at+i)
				}
				break
			}
			lead := len(raw) - len(bytes.TrimLeft(raw, " \t\r\n\f"))
			r.text(text, at+bytes.Count(raw[:lead], []byte("\n")))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			r.start(string(name), tt == html.SelfClosingTagToken, at, func() string {
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "alt" {
						return string(v)
					}
				}
				return ""
			})
		case html.EndTagToken:
			name, _ := z.TagName()
			r.end(string(name))
		}
		n += bytes.Count(raw, []byte("\n"))
	}
	r.flush()
	return r.lines
}

func (r *htmlReader) skipping() bool {
	for _, k := range r.skip {
		if k > 0 {
			return true
		}
	}
	return false
}

// text adds text to the current line, which starts at line n if it is new.
func (r *htmlReader) text(s string, n int) {
	if strings.TrimSpace(s) == "" {
		if r.cur.Len() > 0 {
			r.cur.WriteByte(' ')
		}
		return
	}
	if strings.TrimSpace(r.cur.String()) == "" {
		r.curN = n
	}
	r.cur.WriteString(s)
}

// flush ends the current line.
func (r *htmlReader) flush() {
	text, mojibake := cleanLine(r.cur.String())
	r.cur.Reset()
	if text == "" {
		return
	}
	if r.title {
		// "IGF 2022 WS #123 Title | Internet Governance Forum"
		if k := strings.LastIndex(text, " | "); k > 0 {
			text = text[:k]
		}
	}
	r.lines = append(r.lines, igfLine{n: r.curN, text: text, mojibake: mojibake})
}

func (r *htmlReader) start(name string, void bool, n int, alt func() string) {
	switch {
	case htmlSkip[name] && !void && (name != "header" || r.main == 0):
		r.skip[name]++
		return
	case r.skipping():
		return
	}
	if htmlBlock[name] {
		r.flush()
	}
	switch name {
	case "main", "article":
		r.main++
	case "pre":
		r.pre++
	case "title":
		r.title = !r.titled
	case "ul":
		r.lists = append(r.lists, -1)
	case "ol":
		r.lists = append(r.lists, 0)
	case "li":
		marker := "• "
		if k := len(r.lists) - 1; k >= 0 && r.lists[k] >= 0 {
			r.lists[k]++
			marker = strconv.Itoa(r.lists[k]) + ". "
		}
		r.cur.WriteString(marker)
		r.curN = n
	case "img":
		// A lock drawn as an image with the lock as its text.
		if a, _ := cleanLine(alt()); strings.Contains(a, igfLock) {
			r.text(igfLock, n)
		}
	}
	if void {
		r.end(name)
	}
}

func (r *htmlReader) end(name string) {
	if r.skip[name] > 0 {
		r.skip[name]--
		return
	}
	if r.skipping() {
		return
	}
	if htmlBlock[name] {
		r.flush()
	}
	switch name {
	case "main", "article":
		r.main = max(r.main-1, 0)
	case "pre":
		r.pre = max(r.pre-1, 0)
	case "title":
		if r.title {
			r.titled = true
		}
		r.title = false
	case "ul", "ol":
		if len(r.lists) > 0 {
			r.lists = r.lists[:len(r.lists)-1]
		}
	}
}
