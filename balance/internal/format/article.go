package format

import (
	"strings"
	"unicode/utf8"
)

// A writes noun with its indefinite article: "a gender", "an age", "a UN
// regional group". The article follows the first letter, but for words
// that begin with the sound of "you" or "won" (an acronym such as UN,
// "uni…", "use…", "eu…", "one…"), which serves the nouns of balance's
// dimensions and labels; an acronym read letter by letter ("an NGO") is
// not told apart.
func A(noun string) string {
	lower := strings.ToLower(noun)
	you := strings.HasPrefix(lower, "uni") || strings.HasPrefix(lower, "use") || strings.HasPrefix(lower, "eu") ||
		strings.HasPrefix(lower, "one") || (len(noun) > 1 && noun[0] == 'U' && 'A' <= noun[1] && noun[1] <= 'Z')
	if first, _ := utf8.DecodeRuneInString(lower); strings.ContainsRune("aeiouàáâäèéêëìíîïòóôöùúûü", first) && !you {
		return "an " + noun
	}
	return "a " + noun
}
