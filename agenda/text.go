package agenda

import (
	"fmt"
	"unicode/utf8"
)

// badRune returns the first character text may not hold, as errText
// says, its byte offset and what it is; ok is false when there is
// none. With lines, newline and tab are allowed. Invalid UTF-8 is returned
// as utf8.RuneError with the byte it starts at.
func badRune(text string, lines bool) (r rune, at int, what string, ok bool) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				if lines && (c == '\n' || c == '\t') {
					i++
					continue
				}
				return rune(c), i, "a control character", true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return r, i, fmt.Sprintf("invalid UTF-8 (byte 0x%02X)", c), true
		case 0x80 <= r && r <= 0x9f:
			return r, i, "a control character", true
		case 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
			return r, i, "a bidirectional control character", true
		case 0xfdd0 <= r && r <= 0xfdef, r&0xfffe == 0xfffe:
			return r, i, "a noncharacter", true
		}
		i += size
	}
	return 0, 0, "", false
}

// text reports a free-text field that holds a character badRune refuses:
// "U+0007 at byte 5 is a control character". The value is hidden as h says.
func (v *validator) text(field, value string, lines bool, h hiding) {
	r, at, what, ok := badRune(value, lines)
	if !ok {
		return
	}
	if r == utf8.RuneError {
		v.addHiding(field, value, h, errText, "byte %d is %s", at, what)
		return
	}
	v.addHiding(field, value, h, errText, "U+%04X at byte %d is %s", r, at, what)
}
