package render

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/fairfloor/fairfloor/agenda"
)

// The identities the UIDs of a calendar come from (see [ICS]). A key
// begins with what it is made of, so that an ID never equals a title.

// icsSessionKey returns the identity of a session: its ID, or, without
// one, its title as names are compared.
func icsSessionKey(s *agenda.Session) string {
	if id := strings.TrimSpace(s.ID); id != "" {
		return "id " + id
	}
	return "title " + agenda.NameKey(s.Title)
}

// icsSegmentKeys returns the identity of each segment of s, in order: its
// ID, or, without one, its title as names are compared and its track;
// with "#2", "#3" after the second and later segments of the same
// identity, so that every segment has one of its own.
func icsSegmentKeys(s *agenda.Session) []string {
	keys := make([]string, len(s.Segments))
	for i := range s.Segments {
		seg := &s.Segments[i]
		if id := strings.TrimSpace(seg.ID); id != "" {
			keys[i] = "id " + id
		} else {
			keys[i] = "title " + agenda.NameKey(seg.Title) + "\x00track " + agenda.NameKey(seg.Track)
		}
	}
	icsNumber(keys)
	return keys
}

// icsNumber puts "#2", "#3" after the second and later occurrences of each
// key, in place, so that the keys differ.
func icsNumber(keys []string) {
	seen := make(map[string]int, len(keys))
	for i, k := range keys {
		seen[k]++
		if n := seen[k]; n > 1 {
			keys[i] = k + "\x00#" + strconv.Itoa(n)
		}
	}
}

// icsUID returns the UID of the event of a session known by session, and
// of its segment known by segment, or of the session's own event for an
// empty segment: a hash of the two, so that it depends on nothing else.
func icsUID(session, segment string) string {
	sum := sha256.Sum256([]byte(strconv.Quote(session) + " " + strconv.Quote(segment)))
	return hex.EncodeToString(sum[:16]) + "@fairfloor"
}
