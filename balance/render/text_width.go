package render

import (
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
