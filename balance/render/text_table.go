package render

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// textDisplayWidth returns the number of columns s takes in a terminal
// with a monospaced font: two for each wide or full-width character (the
// Han, Hiragana, Katakana and Hangul of CJK names, full-width forms), none
// for a combining mark, a format character such as a zero-width joiner,
// or a variation selector, and one for any other. The text and forum
// renderers align their columns by it, as tabwriter, which counts runes,
// cannot for a name such as "山田太郎".
func textDisplayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf { // most text: one column, and no lookup
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r < 0x300: // Latin-1 and Latin Extended, before the first combining mark
			n++
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || unicode.Is(unicode.Variation_Selector, r):
			// takes no column of its own
		default:
			if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
				n += 2
			} else {
				n++
			}
		}
	}
	return n
}

// textPad returns s followed by the spaces that make it take n columns,
// or s if it takes n or more.
func textPad(s string, n int) string {
	if w := textDisplayWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// textTable prints rows as columns two spaces apart, indented, without
// trailing spaces, each column as wide as its widest cell as a terminal
// shows it (see [textDisplayWidth]), so that CJK names line up too.
func textTable(w io.Writer, rows [][]string) {
	var widths []int
	cells := make([][]string, len(rows))
	for k, row := range rows {
		cells[k] = make([]string, len(row))
		for i, c := range row {
			c = shown(c) // a cell is one line, or the table breaks
			cells[k][i] = c
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], textDisplayWidth(c))
		}
	}
	var line strings.Builder
	for _, row := range cells {
		line.Reset()
		line.WriteString("  ")
		for i, c := range row {
			if i < len(row)-1 {
				c = textPad(c, widths[i]+2)
			}
			line.WriteString(c)
		}
		fmt.Fprintln(w, strings.TrimRight(line.String(), " ")) // an empty last cell leaves the padding of the one before
	}
}

// textWrap breaks text into lines of at most textWidth columns (as
// [textDisplayWidth] counts them) where it can, the first starting with
// first and the rest with indent, each ending in a newline. Spacing within
// text is not kept.
func textWrap(text, first, indent string) string {
	var b strings.Builder
	line, at := first, textDisplayWidth(first) // at: the columns the line takes
	fresh := true                              // nothing but the prefix on the line yet
	for _, word := range strings.Fields(text) {
		w := textDisplayWidth(word)
		if !fresh && at+1+w > textWidth {
			b.WriteString(line + "\n")
			line, at, fresh = indent, textDisplayWidth(indent), true
		}
		if !fresh {
			line += " "
			at++
		}
		line += word
		at += w
		fresh = false
	}
	b.WriteString(line + "\n")
	return b.String()
}
