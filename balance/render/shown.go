package render

import (
	"strings"
	"unicode/utf8"
)

// shownMax is the most characters of one value from the session, such as a
// title, a name or an organization, that a format shows; a longer value is
// cut to shownMax-1 characters and an ellipsis. A real title is a few
// hundred characters at most (the seeds' longest is under 300); the cut
// keeps a format that repeats a value on every turn, as CSV does a
// segment's title, in proportion to the session.
const shownMax = 1000

// shown returns s as every format shows a value from the session: on one
// line, each line break (CR LF, LF, CR, VT, FF, NEL, U+2028, U+2029) and
// tab a space, and each character that a format cannot hold, or that would
// change how a terminal or a reader shows what follows it, as U+FFFD: bytes
// that are not UTF-8, the other C0 and C1 controls and DEL (so ESC, which
// starts a terminal's escape sequence), the noncharacters U+FFFE, U+FFFF
// and their kin, which XML cannot hold, and the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder the
// text after them. It is cut to [shownMax] characters. Every renderer shows
// the session's text through it, once, in [Document.prepare] and the
// document's accessors, so that every format agrees; s is returned as it is
// when it needs none of this.
func shown(s string) string {
	if shownPlain(s) {
		return s
	}
	cut := false
	if len(s) > shownMax {
		n := 0
		for i := range s { // by character; a byte that is not UTF-8 is one
			if n == shownMax-1 {
				if utf8.RuneCountInString(s[i:]) > 1 {
					s, cut = s[:i], true
				}
				break
			}
			n++
		}
	}
	var b strings.Builder
	b.Grow(len(s) + 3)
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		if strings.HasPrefix(s[i:], "\r\n") {
			size = 2 // one line break, one space
		}
		b.WriteString(shownRune(s[i : i+size]))
		i += size
	}
	if cut {
		b.WriteString("…")
	}
	return b.String()
}

// shownPlain reports whether s is shown as it is: short enough, and
// without a character that shown replaces.
func shownPlain(s string) bool {
	if len(s) > shownMax && utf8.RuneCountInString(s) > shownMax {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if shownRune(s[i:i+size]) != s[i:i+size] || (r == utf8.RuneError && size == 1) {
			return false
		}
		i += size
	}
	return true
}

// shownRune returns how shown writes the first character of s, which is
// one character or a CR LF: itself, a space, or U+FFFD.
func shownRune(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size <= 1:
		return "\uFFFD"
	case r == '\r', r == '\n', r == '\t', r == '\v', r == '\f', r == '\u0085', r == '\u2028', r == '\u2029':
		return " "
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return "\uFFFD"
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return "\uFFFD"
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return "\uFFFD"
	}
	return s[:size]
}
