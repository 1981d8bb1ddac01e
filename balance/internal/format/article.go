package format

import "strings"

// A writes noun with its indefinite article: "a gender", "an age", "a UN
// regional group". The article follows the first letter, but for words
// that begin with the sound of "you" (an acronym such as UN, or "uni…",
// "use…"), which serves the nouns of balance's dimensions and labels.
func A(noun string) string {
	lower := strings.ToLower(noun)
	you := strings.HasPrefix(lower, "uni") || strings.HasPrefix(lower, "use") ||
		(len(noun) > 1 && noun[0] == 'U' && 'A' <= noun[1] && noun[1] <= 'Z')
	if noun != "" && strings.ContainsRune("aeiou", rune(lower[0])) && !you {
		return "an " + noun
	}
	return "a " + noun
}
