package agenda

import (
	"slices"
	"strings"
	"unicode"
)

// Secrets are the names and organizations of a session that its outputs
// may not show: every person's in a session that is not attributed (or for
// an output that leaves names out), else those its source marks private.
// [Secrets.In] finds them in other text, such as a name a speaking log or a
// segment spells with more words ("Dr Jane Doe (chair)"), so that a reader
// of such text can hide it as it hides the name itself.
//
// Text mentions a secret when the secret's words appear in it one after
// another, whole: words are runs of letters, digits and marks, compared
// ignoring case, so "Jane Doe" is in "dr JANE  doe, jr" but not in
// "Janet Doe" or "JaneDoe".
type Secrets struct {
	byFirst map[string][][]string // first word -> the words of each secret starting with it
}

// Secrets returns the names and organizations the session's outputs may not
// show; all counts every person's, as an output that leaves names out (such
// as one rendered with redaction) must.
func (s *Session) Secrets(all bool) *Secrets {
	x := &Secrets{byFirst: map[string][][]string{}}
	seen := map[string]bool{}
	add := func(text string) {
		w := words(text)
		if len(w) == 0 {
			return
		}
		key := strings.Join(w, " ")
		if seen[key] {
			return
		}
		seen[key] = true
		x.byFirst[w[0]] = append(x.byFirst[w[0]], w)
	}
	all = all || !s.Named()
	for i := range s.People {
		p := &s.People[i]
		if all || slices.Contains(p.Private, fieldName) {
			add(p.Name)
		}
		if all || slices.Contains(p.Private, fieldOrganization) {
			add(p.Organization)
		}
	}
	return x
}

// In reports whether text mentions one of the secrets, as [Secrets]
// describes. A nil *Secrets holds none.
func (x *Secrets) In(text string) bool {
	if x == nil || len(x.byFirst) == 0 {
		return false
	}
	w := words(text)
	for i := range w {
		for _, secret := range x.byFirst[w[i]] {
			if len(secret) <= len(w)-i && equalWords(secret, w[i:i+len(secret)]) {
				return true
			}
		}
	}
	return false
}

// equalWords reports whether a and b hold the same words.
func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// words returns the words of text, in lower case, as [Secrets] compares them.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
