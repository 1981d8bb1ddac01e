package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestShown checks how every format shows a value from the session, one
// row per class of character it changes (issue 13, items 7 and 8).
func TestShown(t *testing.T) {
	long := strings.Repeat("é", shownMax+5)
	for _, tt := range []struct {
		name, in, want string
	}{
		{"plain, as it is", "Ana Moreno (Internet Society) – débat", "Ana Moreno (Internet Society) – débat"},
		{"a line break forges no line", "Eve\n   0:20:00–0:30:00 Mallory", "Eve    0:20:00–0:30:00 Mallory"},
		{"CR LF is one break", "Bob\r\nEND:VEVENT", "Bob END:VEVENT"},
		{"a lone CR", "\rCR =1+1", " CR =1+1"},
		{"tab, VT, FF, NEL, LS, PS", "a\tb\vc\fd\u0085e\u2028f\u2029g", "a b c d e f g"},
		{"BEL and NUL", "Zeta A\u0007B\x00", "Zeta A\uFFFDB\uFFFD"},
		{"ESC starts no escape sequence", "Ctrl\x1b[31mRed\x1b[0m", "Ctrl\uFFFD[31mRed\uFFFD[0m"},
		{"DEL and C1 controls", "a\x7fb\u0080c\u009bd", "a\uFFFDb\uFFFDc\uFFFDd"},
		{"noncharacters XML cannot hold", "x\uFFFEy\uFFFFz\U0001FFFE", "x\uFFFDy\uFFFDz\uFFFD"},
		{"noncharacters U+FDD0–U+FDEF", "a\uFDD0b\uFDEF", "a\uFFFDb\uFFFD"},
		{"bidi overrides and isolates", "\u202eevil\u202c \u2066x\u2069", "\uFFFDevil\uFFFD \uFFFDx\uFFFD"},
		{"bidi marks kept", "a\u200eb\u200fc", "a\u200eb\u200fc"},
		{"zero-width characters kept", "Zero\u200bWidth\u200dJoiner\ufeff", "Zero\u200bWidth\u200dJoiner\ufeff"},
		{"bytes that are not UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"U+FFFD kept", "a\uFFFDb", "a\uFFFDb"},
		{"cut at shownMax", long, strings.Repeat("é", shownMax-1) + "…"},
		{"shownMax exactly, kept", long[:2*shownMax], long[:2*shownMax]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := shown(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("shown(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			if again := shown(got); again != got {
				t.Errorf("shown is not idempotent: %q, then %q", got, again)
			}
			if !utf8.ValidString(got) || utf8.RuneCountInString(got) > shownMax {
				t.Errorf("shown(%q) = %q: not valid UTF-8, or longer than shownMax", tt.in, got)
			}
		})
	}
}

// FuzzShown checks that shown never leaves a character that any format
// cannot hold or that breaks a line, keeps a value it need not change, and
// changes nothing twice.
func FuzzShown(f *testing.F) {
	for _, s := range []string{"", "plain", "a\r\nb", "\x00\x1b\x7f\u0085\u202e\uFFFE\xff", strings.Repeat("ab", shownMax)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := shown(s)
		if !utf8.ValidString(got) || utf8.RuneCountInString(got) > shownMax {
			t.Fatalf("shown(%q) = %q: not valid UTF-8, or too long", s, got)
		}
		for _, r := range got {
			if shownRune(string(r)) != string(r) {
				t.Fatalf("shown(%q) = %q holds %U", s, got, r)
			}
		}
		if shown(got) != got {
			t.Fatalf("shown(%q) = %q, and again %q", s, got, shown(got))
		}
	})
}
